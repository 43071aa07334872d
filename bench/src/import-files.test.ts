import { parseIdNumber } from '@ningxin/shared';
import { describe, expect, it } from 'vitest';
import { memberSheetRows } from './import-files';

describe('the benchmark import sheet', () => {
  const body = (part: 0 | 1, n: number) => [...memberSheetRows(n, part)].slice(2);

  it('has valid, distinct ID numbers and phones in 100,000 rows', () => {
    const rows = body(1, 100_000);
    expect(rows).toHaveLength(100_000);
    const ids = new Set(rows.map((r) => r[2] as string));
    const phones = new Set(rows.map((r) => r[3] as string));
    expect(ids.size).toBe(100_000);
    expect(phones.size).toBe(100_000);
    for (const r of rows.filter((_, i) => i % 997 === 0)) {
      const parsed = parseIdNumber(r[2] as string);
      expect(parsed.ok, r[2] as string).toBe(true);
      expect(r[1]).toBe(Number((r[2] as string)[16]) % 2 === 1 ? '男' : '女');
    }
  });

  it('never repeats an ID number between its two parts, nor uses a Zhangjiakou region', () => {
    const a = new Set(body(0, 12_000).map((r) => r[2]));
    const b = body(1, 12_000).map((r) => r[2] as string);
    expect(b.filter((id) => a.has(id))).toEqual([]);
    expect([...a, ...b].some((id) => String(id).startsWith('1307'))).toBe(false);
  });
});
