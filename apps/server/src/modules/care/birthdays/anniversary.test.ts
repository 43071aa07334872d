import { describe, expect, it } from 'vitest';
import { anniversaryIn, nextAnniversary, windowDays } from './anniversary';

describe('Party anniversaries', () => {
  it('a window runs over month and year ends', () => {
    expect(windowDays('2026-12-30', 4)).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
  });

  it('29 February is remembered on 28 February in other years', () => {
    expect(anniversaryIn('2004-02-29', 2026)).toBe('2026-02-28');
    expect(anniversaryIn('2004-02-29', 2028)).toBe('2028-02-29');
  });

  it('the next anniversary is today, later this year, or next year; never the joining year', () => {
    expect(nextAnniversary('2001-07-01', '2026-07-01')).toEqual({ on: '2026-07-01', years: 25 });
    expect(nextAnniversary('2001-07-01', '2026-07-02')).toEqual({ on: '2027-07-01', years: 26 });
    expect(nextAnniversary('2026-03-01', '2026-05-01')).toEqual({ on: '2027-03-01', years: 1 });
    expect(nextAnniversary('2026-08-01', '2026-05-01')).toEqual({ on: '2027-08-01', years: 1 });
  });
});
