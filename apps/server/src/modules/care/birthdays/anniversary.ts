/** Party anniversaries (政治生日) as calendar arithmetic on `YYYY-MM-DD` days. */
import { isIsoDate } from '@ningxin/shared';

/** The day after `day`, and `n` days on. */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The days of a window: `from` and the `days - 1` days after it. */
export const windowDays = (from: string, days: number) =>
  Array.from({ length: days }, (_, i) => addDays(from, i));

/** The anniversary of `joinedAt` in a year: 29 February falls on 28 February in other years. */
export function anniversaryIn(joinedAt: string, year: number): string {
  const day = `${year}-${joinedAt.slice(5)}`;
  return isIsoDate(day) ? day : `${year}-02-28`;
}

/** The next anniversary on or after `today` (one full year in the Party at least), with the years. */
export function nextAnniversary(joinedAt: string, today: string): { on: string; years: number } {
  const joinYear = Number(joinedAt.slice(0, 4));
  let year = Math.max(Number(today.slice(0, 4)), joinYear + 1);
  if (anniversaryIn(joinedAt, year) < today) year += 1;
  return { on: anniversaryIn(joinedAt, year), years: year - joinYear };
}
