import { describe, expect, it } from 'vitest';
import { copyArray, copyField } from './copy-text';

describe('copy text format', () => {
  it('writes null as \\N and escapes backslash, tab and line breaks', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField(undefined)).toBe('\\N');
    expect(copyField(12)).toBe('12');
    expect(copyField('北京市\t通州区\n梨园镇\r\\1号')).toBe('北京市\\t通州区\\n梨园镇\\r\\\\1号');
  });

  it('writes arrays, quoting items that would otherwise be read differently', () => {
    expect(copyArray([])).toBe('{}');
    expect(copyArray(['联络员', '宣传员'])).toBe('{联络员,宣传员}');
    expect(copyArray(['NULL', 'a,b', 'say "hi"', 'x\\y', '{z}'])).toBe(
      '{"NULL","a,b","say \\\\"hi\\\\"","x\\\\\\\\y","{z}"}',
    );
  });
});
