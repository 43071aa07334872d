import { z } from 'zod';
import { isIsoDate, localIsoDate, MIN_DATE } from './calendar';

/**
 * Dates and times in contracts. Every date has a plausible range: nothing before 1900 (the
 * earliest birth date of an ID number), nothing after 2199, and where a date records something
 * that happened, nothing after today.
 */

/** The latest date any field accepts (a planned date, a term's end). */
export const MAX_DATE = '2199-12-31';

/** The day the Party was founded: no one joined earlier. */
export const PARTY_FOUNDED = '1921-07-01';

interface DateOptions {
  /** Earliest accepted date (default 1900-01-01). */
  min?: string;
  /** Latest accepted date (default 2199-12-31). */
  max?: string;
  /** The date records something that happened: not after today (local calendar). */
  past?: boolean;
}

/** A calendar date `YYYY-MM-DD` that exists, within a plausible range. */
export function IsoDate(label: string, { min = MIN_DATE, max = MAX_DATE, past = false }: DateOptions = {}) {
  return z
    .string({ error: `${label}应为日期` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: `${label}格式应为 YYYY-MM-DD`, abort: true })
    .refine(isIsoDate, { message: `${label}不是有效日期`, abort: true })
    .refine((d) => d >= min, `${label}不能早于 ${min}`)
    .refine((d) => d <= max, `${label}不能晚于 ${max}`)
    .refine((d) => !past || d <= localIsoDate(new Date()), `${label}不能晚于今天`)
    .meta({ format: 'date' });
}

/** A month `YYYY-MM` within the same plausible range (1900-01 to 2199-12). */
export function YearMonth(label: string) {
  return z
    .string({ error: `${label}应为 YYYY-MM` })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: `${label}格式应为 YYYY-MM`, abort: true })
    .refine(
      (m) => m >= MIN_DATE.slice(0, 7) && m <= MAX_DATE.slice(0, 7),
      `${label}超出可接受的范围（1900—2199 年）`,
    )
    .meta({ format: 'year-month' });
}

/** A date that has happened: from 1900 (or `min`) to today. */
export const PastDate = (label: string, min = MIN_DATE) => IsoDate(label, { min, past: true });

/**
 * An instant with its offset (`2026-12-05T08:00:00+08:00`, `…Z`), from 1900 to 2199, as
 * written by `Date.prototype.toISOString` or a date-time picker.
 */
export function DateTime(label: string) {
  return z.iso
    .datetime({
      offset: true,
      abort: true,
      error: `${label}格式应为 ISO 8601（如 2026-01-01T08:00:00+08:00）`,
    })
    .refine((v) => {
      const t = Date.parse(v);
      return (
        !Number.isNaN(t) &&
        t >= Date.parse(`${MIN_DATE}T00:00:00Z`) &&
        t <= Date.parse(`${MAX_DATE}T23:59:59Z`)
      );
    }, `${label}超出可接受的范围（1900—2199 年）`);
}
