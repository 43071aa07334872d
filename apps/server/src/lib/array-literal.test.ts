import { describe, expect, it } from 'vitest';
import { arrayLiteral } from './array-literal';

describe('arrayLiteral', () => {
  it('quotes every element and writes null as NULL', () => {
    expect(arrayLiteral(['a', 1, null, 'NULL', ''])).toBe('{"a","1",NULL,"NULL",""}');
    expect(arrayLiteral([])).toBe('{}');
  });

  it('keeps separators, braces, quotes, backslashes and line breaks inside the element', () => {
    expect(arrayLiteral(['a,b', '{x}', 'say "hi"', 'c:\\dir', '第一行\n第二行'])).toBe(
      '{"a,b","{x}","say \\"hi\\"","c:\\\\dir","第一行\n第二行"}',
    );
  });
});
