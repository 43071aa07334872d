import { describe, expect, it } from 'vitest';
import { eachDay } from '../common/calendar';
import { cumulativeFound } from './progress';

describe('the cumulative found curve', () => {
  it('lists every day of the period with the day’s and the running total', () => {
    const curve = cumulativeFound(
      '2009-06-10',
      '2009-06-14',
      [
        { day: '2009-06-11', found: 3 },
        { day: '2009-06-13', found: 2 },
      ],
      '2026-01-01',
    );
    expect(curve).toEqual([
      { day: '2009-06-10', found: 0, cumulative: 0 },
      { day: '2009-06-11', found: 3, cumulative: 3 },
      { day: '2009-06-12', found: 0, cumulative: 3 },
      { day: '2009-06-13', found: 2, cumulative: 5 },
      { day: '2009-06-14', found: 0, cumulative: 5 },
    ]);
  });

  it('stops at today for a running campaign and folds days outside the period into its ends', () => {
    const curve = cumulativeFound(
      '2026-03-01',
      '2026-04-30',
      [
        { day: '2026-02-27', found: 1 },
        { day: '2026-03-02', found: 4 },
      ],
      '2026-03-03',
    );
    expect(curve.map((d) => d.day)).toEqual(['2026-03-01', '2026-03-02', '2026-03-03']);
    expect(curve.map((d) => d.cumulative)).toEqual([1, 5, 5]);
  });

  it('counts days across months', () => {
    expect(eachDay('2009-06-29', '2009-07-02')).toEqual([
      '2009-06-29',
      '2009-06-30',
      '2009-07-01',
      '2009-07-02',
    ]);
  });
});
