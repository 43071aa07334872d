/**
 * Dates as day numbers (days since 1970-01-01): the generator makes millions of dates, and
 * arithmetic (H. Hinnant's civil-date algorithms) is ~20× faster than Date objects and
 * toISOString.
 */

function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function civilFromDays(days: number): [number, number, number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** The day number of `YYYY-MM-DD`. */
export const dayOf = (iso: string): number =>
  daysFromCivil(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));

/** `YYYY-MM-DD` of a day number. */
export function isoOf(day: number): string {
  const [y, m, d] = civilFromDays(day);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** The same day `years` later; 29 February becomes 1 March in a common year (as ageOn counts). */
export function addYears(day: number, years: number): number {
  const [y, m, d] = civilFromDays(day);
  const year = y + years;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return m === 2 && d === 29 && !leap ? daysFromCivil(year, 3, 1) : daysFromCivil(year, m, d);
}

export const yearOf = (day: number): number => civilFromDays(day)[0];
