/** A campaign's progress: totals, the daily cumulative curve, by district and by finder. */
import { z } from 'zod';
import { eachDay, localIsoDate } from '../common/calendar';
import { Person } from './person';

export const ProgressResponse = z.object({
  campaign: z.object({
    id: z.number().int(),
    name: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    targetCount: z.number().int(),
  }),
  totals: z.object({
    leads: z.number().int(),
    found: z.number().int(),
    open: z.number().int(),
    notMember: z.number().int(),
    notFound: z.number().int(),
  }),
  /** Each day of the period (to today or the period's end, whichever is first) with leads found that day and in all. */
  daily: z.array(z.object({ day: z.string(), found: z.number().int(), cumulative: z.number().int() })),
  byDistrict: z.array(
    z.object({
      district: z.string().nullable(),
      name: z.string(),
      leads: z.number().int(),
      found: z.number().int(),
    }),
  ),
  byFinder: z.array(
    z.object({
      finder: Person.nullable(),
      leads: z.number().int(),
      open: z.number().int(),
      found: z.number().int(),
      visits: z.number().int(),
    }),
  ),
});
export type ProgressResponse = z.infer<typeof ProgressResponse>;

/**
 * The cumulative curve of found leads over the days of a period: every day from the start to
 * the end (or today, if earlier), with what was found that day and in all until then. Leads
 * found before the start count on the first day; after the last day shown, on the last.
 */
export function cumulativeFound(
  startsOn: string,
  endsOn: string,
  foundPerDay: readonly { day: string; found: number }[],
  today = localIsoDate(new Date()),
): { day: string; found: number; cumulative: number }[] {
  const last = endsOn < today ? endsOn : today < startsOn ? startsOn : today;
  const days = eachDay(startsOn, last);
  const perDay = new Map<string, number>();
  for (const { day, found } of foundPerDay) {
    let key = day;
    if (key < startsOn) key = startsOn;
    if (key > last) key = last;
    perDay.set(key, (perDay.get(key) ?? 0) + found);
  }
  let total = 0;
  return days.map((day) => {
    const found = perDay.get(day) ?? 0;
    total += found;
    return { day, found, cumulative: total };
  });
}
