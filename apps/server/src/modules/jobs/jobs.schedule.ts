import { Cron } from 'croner';

/** Every schedule is read in the committee's time zone. */
export const JOB_TIMEZONE = 'Asia/Shanghai';

/** The times a cron expression names, as a clock that starts no timer. */
export interface JobClock {
  /** The latest scheduled time at or before `now` (to the second); null if it never was. */
  slotAt(now: Date): Date | null;
  /** The first scheduled time after `now`; null if there is none. */
  nextAfter(now: Date): Date | null;
}

const SECOND = 1000;

/** A clock for the schedule; throws on an expression croner does not accept. */
export function jobClock(schedule: string): JobClock {
  const cron = new Cron(schedule, { timezone: JOB_TIMEZONE });
  return {
    slotAt(now) {
      // Strictly before the next whole second: a slot due at exactly `now` counts.
      const reference = new Date(Math.floor(now.getTime() / SECOND) * SECOND + SECOND);
      return cron.previousRuns(1, reference)[0] ?? null;
    },
    nextAfter: (now) => cron.nextRun(now),
  };
}
