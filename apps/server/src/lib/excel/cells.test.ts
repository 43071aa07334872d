import { describe, expect, it } from 'vitest';
import { formulaSafe } from './cells';
import { sheetSpec } from './sheet-spec';

describe('exported cells', () => {
  it('keeps text that a spreadsheet would run as a formula as text', () => {
    for (const attack of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])
      expect(formulaSafe(attack)).toBe(`'${attack}`);
    for (const plain of ['张三', '2026-01-01', '130732********1234', '', 'a=b'])
      expect(formulaSafe(plain)).toBe(plain);
    expect(formulaSafe(-5)).toBe(-5);
    expect(formulaSafe(null)).toBeNull();
  });

  it('is applied to every value a sheet spec exports', () => {
    const spec = sheetSpec<{ name: string; n: number }, null>([
      { header: '姓名', width: 10, value: (r) => r.name },
      { header: '数量', width: 8, value: (r) => r.n },
    ]);
    expect(spec.exportValues({ name: '=cmd|"/c calc"!A1', n: -1 }, null)).toEqual([
      '\'=cmd|"/c calc"!A1',
      -1,
    ]);
  });
});
