import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { INT4_MAX, JOB_MAX_ATTEMPTS } from '@ningxin/shared';
import type { Store, Tx } from '../../db/client';
import type { Metrics } from '../../lib/metrics';
import type { JobDefinition } from '../../lib/modules';
import { failureText } from './jobs.errors';
import { type JobRunRow, jobsRepository } from './jobs.repository';
import { type JobClock, jobClock } from './jobs.schedule';

/** A slot missed by less than this (a restart, a busy moment) is still run when next looked at. */
export const CATCH_UP_MS = 10 * 60_000;

/** How long after a failed attempt the next one is due: after the first, after the second. */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000] as const;

/** What came of asking for a run. */
export type RunResult =
  /** This instance ran it (the run says how it ended). */
  | { status: 'ran'; run: JobRunRow }
  /** The job is running already: here, or (PostgreSQL) on another instance. */
  | { status: 'busy' }
  /** Another instance claimed this slot and attempt. */
  | { status: 'taken' };

export type DueResult = RunResult & { job: string };

/** When a failed run is tried again, if it is the job's latest and has attempts left. */
export function retryAt(run: JobRunRow): Date | null {
  if (run.outcome !== 'failed' || run.attempt >= JOB_MAX_ATTEMPTS || !run.finishedAt) return null;
  const delay = RETRY_DELAYS_MS[Math.min(run.attempt, RETRY_DELAYS_MS.length) - 1]!;
  return new Date(run.finishedAt.getTime() + delay);
}

/** This process, as recorded on the runs it makes: host, process id and a tag per app. */
export function instanceName(): string {
  return `${os.hostname()}:${process.pid}:${randomBytes(2).toString('hex')}`;
}

export interface JobRunnerDeps {
  store: Store;
  jobs: () => readonly JobDefinition[];
  instance?: string;
  /** Counts the runs and their failures, and times them. */
  metrics?: Pick<Metrics, 'observeJob'>;
}

/**
 * Runs jobs by slot. A run claims its slot (job, scheduled time, attempt) by inserting it: of
 * several instances, the one whose insert succeeds runs it. On PostgreSQL the run also holds
 * the job's advisory lock from before the claim to the end, so that a run that outlasts its
 * interval is never overlapped by the next; a slot that finds it held is left (and caught up
 * within CATCH_UP_MS once the lock is free). A failed run is tried again after RETRY_DELAYS_MS,
 * up to JOB_MAX_ATTEMPTS, while it is the job's latest run.
 */
export function createJobRunner({ store, jobs, instance = instanceName(), metrics }: JobRunnerDeps) {
  const db = store.db;
  /** Jobs this instance is running: one run of a job at a time, on either store. */
  const running = new Set<string>();
  let closed = false;
  const inFlight = new Set<Promise<unknown>>();
  const clocks = new Map<string, JobClock>();

  const clockOf = (job: JobDefinition) => {
    const key = `${job.name} ${job.schedule}`;
    let clock = clocks.get(key);
    if (!clock) {
      clock = jobClock(job.schedule);
      clocks.set(key, clock);
    }
    return clock;
  };

  const find = (name: string) => jobs().find((j) => j.name === name);

  /** Runs `body` holding the job's advisory lock (PostgreSQL); null when another session holds it. */
  async function exclusive<T>(job: string, body: () => Promise<T>): Promise<T | null> {
    if (store.kind !== 'postgres') return body();
    // The lock's transaction only holds the lock; the run's own statements use other connections.
    return db.transaction(async (tx) => ((await jobsRepository.tryLock(tx, job)) ? body() : null));
  }

  async function execute(job: JobDefinition, claimed: JobRunRow): Promise<JobRunRow> {
    const started = performance.now();
    const observe = (outcome: 'succeeded' | 'failed') =>
      metrics?.observeJob(job.name, outcome, (performance.now() - started) / 1000);
    try {
      const rows = await job.run();
      observe('succeeded');
      const counted = Number.isInteger(rows) && rows >= 0 ? Math.min(rows, INT4_MAX) : null;
      return await jobsRepository.finish(db, claimed.id, {
        outcome: 'succeeded',
        rows: counted,
        error: null,
      });
    } catch (error) {
      observe('failed');
      return jobsRepository.finish(db, claimed.id, {
        outcome: 'failed',
        rows: null,
        error: failureText(error),
      });
    }
  }

  /**
   * Claims and runs one attempt of a slot. `onClaim` runs in the claim's transaction (the audit
   * entry of a run started by hand).
   */
  function runSlot(
    job: JobDefinition,
    slot: Date,
    attempt: number,
    onClaim?: (tx: Tx, run: JobRunRow) => Promise<void>,
  ): Promise<RunResult> {
    // Once closed (the server shutting down), nothing new starts.
    if (closed || running.has(job.name)) return Promise.resolve({ status: 'busy' });
    running.add(job.name);
    const work = (async (): Promise<RunResult> => {
      try {
        const result = await exclusive(job.name, async (): Promise<RunResult> => {
          const values = { job: job.name, slot, attempt, instance };
          const claimed = onClaim
            ? await db.transaction(async (tx) => {
                const row = await jobsRepository.claim(tx, values);
                if (row) await onClaim(tx, row);
                return row;
              })
            : await jobsRepository.claim(db, values);
          if (!claimed) return { status: 'taken' };
          return { status: 'ran', run: await execute(job, claimed) };
        });
        return result ?? { status: 'busy' };
      } finally {
        running.delete(job.name);
      }
    })();
    inFlight.add(work);
    const forget = () => inFlight.delete(work);
    work.then(forget, forget);
    return work;
  }

  /** The retry due by `now` for the job's latest run, if any. */
  async function retryDue(job: JobDefinition, now: Date): Promise<{ slot: Date; attempt: number } | null> {
    const last = await jobsRepository.latest(db, job.name);
    const at = last && retryAt(last);
    return last && at && at <= now ? { slot: last.slot, attempt: last.attempt + 1 } : null;
  }

  return {
    instance,

    /** The job of that name, if a module defines it. */
    find,

    /** When the job is next due after `now`. */
    nextRunAt: (job: JobDefinition, now: Date) => clockOf(job).nextAfter(now),

    /** When the job's latest run is tried again, if it failed and has attempts left. */
    retryAt,

    /**
     * Runs what is due at `now`, one job after another: each job's latest slot if it is less
     * than CATCH_UP_MS old, else the retry of its failed latest run once its delay has passed.
     */
    async runDue(now: Date = new Date(), only?: readonly JobDefinition[]): Promise<DueResult[]> {
      const results: DueResult[] = [];
      for (const job of only ?? jobs()) {
        const slot = clockOf(job).slotAt(now);
        if (slot && now.getTime() - slot.getTime() < CATCH_UP_MS) {
          const result = await runSlot(job, slot, 1);
          if (result.status !== 'taken') {
            results.push({ job: job.name, ...result });
            continue;
          }
        }
        const retry = await retryDue(job, now);
        if (retry) results.push({ job: job.name, ...(await runSlot(job, retry.slot, retry.attempt)) });
      }
      return results;
    },

    /** Runs the job now, outside its schedule: the slot is this moment. */
    runNow(job: JobDefinition, onClaim?: (tx: Tx, run: JobRunRow) => Promise<void>): Promise<RunResult> {
      return runSlot(job, new Date(), 1, onClaim);
    },

    /** Starts no more runs and waits for those in progress, at most `timeoutMs`. */
    async close(timeoutMs: number): Promise<void> {
      closed = true;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
      });
      await Promise.race([Promise.allSettled([...inFlight]), timeout]);
      clearTimeout(timer);
    },
  };
}

export type JobRunner = ReturnType<typeof createJobRunner>;
