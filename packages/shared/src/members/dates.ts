/**
 * Dates as they are found in real spreadsheets and forms: Excel dates, Excel serial numbers,
 * `2002-09-01`, `2002/9/1`, `2002.09`, `2002年9月`, `200209`, `20020901` … normalised to ISO
 * `YYYY-MM-DD`. A month-only value becomes the first of that month with precision 'month'.
 */
import { isRealDate, localIsoDate, MIN_DATE, pad2 } from '../common/calendar';
import { compact, excerpt, toHalfWidth } from '../common/text-forms';

export type DatePrecision = 'day' | 'month';
export type DateErrorCode = 'DATE_EMPTY' | 'DATE_FORMAT' | 'DATE_INVALID' | 'DATE_TOO_EARLY' | 'DATE_FUTURE';

export type LooseDateResult =
  | { ok: true; date: string; precision: DatePrecision }
  | { ok: false; code: DateErrorCode; message: string };

export interface LooseDateOptions {
  /** "Today" for the not-in-the-future rule; its local calendar date is used. Default: now. */
  today?: Date;
  /** Earliest accepted date, ISO `YYYY-MM-DD`. Default `1900-01-01`. */
  min?: string;
}

/** The UTC calendar date of a Date as `YYYY-MM-DD` (exceljs gives dates as UTC midnight). */
function utcIsoDate(date: Date): string {
  return `${date.getUTCFullYear()}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
}

const DAY_MS = 86_400_000;

/**
 * An Excel serial day number (1900 date system) as `YYYY-MM-DD`. Excel counts the non-existent
 * 1900-02-29 as serial 60, so 1–59 are January–February 1900, 61 is 1900-03-01, and 60 gives
 * null. The fraction (time of day) is dropped. Null below 1.
 */
export function excelSerialToIsoDate(serial: number): string | null {
  if (!Number.isFinite(serial)) return null;
  const day = Math.floor(serial);
  if (day < 1 || day === 60) return null;
  const epoch = day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return utcIsoDate(new Date(epoch + day * DAY_MS));
}

const ok = (date: string, precision: DatePrecision): LooseDateResult => ({ ok: true, date, precision });
const fail = (code: DateErrorCode, message: string): LooseDateResult => ({ ok: false, code, message });
const unreadable = (raw: string) =>
  fail('DATE_FORMAT', `无法识别的日期：${excerpt(raw)}，请使用 2002-09-01 格式`);
const yearOnly = (year: string) =>
  fail('DATE_FORMAT', `只填写了年份“${year}”，请至少填写到月份，如 ${year}-09 或 ${year}-09-01`);

/** Checks a parsed date against the calendar, the earliest date and today. */
function finish(
  year: number,
  month: number,
  day: number | null,
  precision: DatePrecision,
  opts: LooseDateOptions,
): LooseDateResult {
  const shown = day === null ? `${year}-${pad2(month)}` : `${year}-${pad2(month)}-${pad2(day)}`;
  if (!isRealDate(year, month, day ?? 1)) return fail('DATE_INVALID', `日期不存在：${shown}`);
  const date = `${year}-${pad2(month)}-${pad2(day ?? 1)}`;
  const min = opts.min ?? MIN_DATE;
  // A month-only value is compared by month: "1921-07" is not earlier than 1921-07-23.
  const tooEarly = precision === 'month' ? date.slice(0, 7) < min.slice(0, 7) : date < min;
  if (tooEarly) return fail('DATE_TOO_EARLY', `日期不能早于 ${min}`);
  const today = localIsoDate(opts.today ?? new Date());
  if (date > today) return fail('DATE_FUTURE', `日期不能晚于今天（${today}）`);
  return ok(date, precision);
}

const DAY_SEPARATED = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const MONTH_SEPARATED = /^(\d{4})[-/.](\d{1,2})$/;
const CHINESE = /^(\d{4})年(\d{1,2})月(?:(\d{1,2})[日号])?$/;
const DIGITS = /^(\d{4})(\d{2})(\d{2})?$/;
const YEAR_ONLY = /^(\d{4})年?$/;
/** A time of day after the date (`2002-09-01 00:00:00`, `2002-09-01T08:00:00Z`): ignored. */
const TRAILING_TIME = /[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

function parseDateString(raw: string, opts: LooseDateOptions): LooseDateResult {
  const s = compact(toHalfWidth(raw).trim().replace(TRAILING_TIME, ''));
  if (s === '') return fail('DATE_EMPTY', '请填写日期');
  let m = DAY_SEPARATED.exec(s);
  if (m) return finish(Number(m[1]), Number(m[3]), Number(m[4]), 'day', opts);
  m = MONTH_SEPARATED.exec(s);
  if (m) return finish(Number(m[1]), Number(m[2]), null, 'month', opts);
  m = CHINESE.exec(s);
  if (m) {
    const day = m[3] === undefined ? null : Number(m[3]);
    return finish(Number(m[1]), Number(m[2]), day, day === null ? 'month' : 'day', opts);
  }
  m = DIGITS.exec(s);
  if (m) {
    const day = m[3] === undefined ? null : Number(m[3]);
    return finish(Number(m[1]), Number(m[2]), day, day === null ? 'month' : 'day', opts);
  }
  m = YEAR_ONLY.exec(s);
  if (m) return yearOnly(m[1]!);
  return unreadable(raw.trim());
}

function parseDateNumber(n: number, opts: LooseDateOptions): LooseDateResult {
  if (!Number.isFinite(n) || n < 1) return unreadable(String(n));
  // 200209 and 20020901 typed into a cell arrive as numbers. As serials they would be far in
  // the future (100000 is the year 2173), so integers of 6+ digits are read as digit strings.
  if (n >= 100_000) return Number.isInteger(n) ? parseDateString(String(n), opts) : unreadable(String(n));
  // A bare year typed as a number: as a serial it would silently become a day in 1905.
  if (Number.isInteger(n) && n >= 1900 && n <= 2100) return yearOnly(String(n));
  const iso = excelSerialToIsoDate(n);
  if (iso === null) return fail('DATE_INVALID', '日期不存在：1900-02-29');
  const [y, mo, d] = iso.split('-').map(Number) as [number, number, number];
  return finish(y, mo, d, 'day', opts);
}

/**
 * Reads a date from a form or a spreadsheet cell. Accepts:
 * - a Date (its UTC calendar date: exceljs returns dates as UTC midnight);
 * - a number: an Excel serial day number (1900 date system), or YYYYMM / YYYYMMDD typed into a
 *   cell as a number (200209, 20020901);
 * - a string: `2002-09-01`, `2002/9/1`, `2002.9.1`, `2002-09`, `2002/09`, `2002.09`, `2002年9月`,
 *   `2002年9月1日`, `200209`, `20020901`; full-width digits, spaces and a trailing time of day
 *   are tolerated. Strings of digits are never read as Excel serials.
 * The date must be real, not before `opts.min` (default 1900-01-01) and not after today.
 */
export function parseLooseDate(value: unknown, opts: LooseDateOptions = {}): LooseDateResult {
  if (value === null || value === undefined) return fail('DATE_EMPTY', '请填写日期');
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return unreadable('无效的日期对象');
    return finish(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate(), 'day', opts);
  }
  if (typeof value === 'number') return parseDateNumber(value, opts);
  if (typeof value === 'string') return parseDateString(value, opts);
  return unreadable(String(value));
}
