import type { TotalsResponse } from '@ningxin/shared';
import { describe, expect, it } from 'vitest';
import { groupRows } from './groupTotals';

type Row = TotalsResponse['rows'][number];
const zero = {
  projects: 0,
  signedFen: 0,
  actualFen: 0,
  outputFen: 0,
  taxFen: 0,
  jobs: 0,
  donations: 0,
  fundsFen: 0,
  goodsFen: 0,
  placements: 0,
  personTimes: 0,
};
const row = (code: string, name: string, year: number | null, extra: Partial<typeof zero>): Row => ({
  ...zero,
  ...extra,
  county: { code, name },
  year,
});

const rows = [
  row('130726', '蔚县', 2020, { projects: 2, signedFen: 250_000_000_01 }),
  row('130726', '蔚县', 2021, { projects: 1, signedFen: 3, personTimes: 40 }),
  row('130723', '康保县', 2021, { fundsFen: 100_000_000, personTimes: 5 }),
  row('130723', '康保县', null, { projects: 1 }),
];

describe('groupRows', () => {
  it('sums each county over the years, exactly in fen', () => {
    const byCounty = groupRows(rows, 'county');
    expect(byCounty.map((r) => [r.county.name, r.year, r.projects, r.signedFen, r.personTimes])).toEqual([
      ['蔚县', null, 3, 250_000_000_04, 40],
      ['康保县', null, 1, 0, 5],
    ]);
  });

  it('sums each year over the counties, years in order, unsigned projects last', () => {
    const byYear = groupRows(rows, 'year');
    expect(byYear.map((r) => [r.year, r.projects, r.fundsFen, r.personTimes])).toEqual([
      [2020, 2, 0, 0],
      [2021, 1, 100_000_000, 45],
      [null, 1, 0, 0],
    ]);
  });

  it('leaves the county × year rows as they are, and never changes its input', () => {
    const copy = structuredClone(rows);
    expect(groupRows(rows, 'both')).toBe(rows);
    groupRows(rows, 'county');
    groupRows(rows, 'year');
    expect(rows).toEqual(copy);
  });
});
