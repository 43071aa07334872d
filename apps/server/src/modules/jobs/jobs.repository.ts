import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client';
import { jobRuns, outbox } from '../../db/schema';

export type JobRunRow = typeof jobRuns.$inferSelect;

/** The first key of the two-key advisory locks that keep one run of a job at a time. */
const JOB_LOCK_CLASS = 72_810;

export const jobsRepository = {
  /**
   * Claims a run of the job for the slot and attempt: inserted unless that run exists (the
   * unique index job_runs_slot_idx), so that of several instances claiming it at once exactly
   * one gets the row. Null when another got it.
   */
  async claim(
    executor: Executor,
    values: { job: string; slot: Date; attempt: number; instance: string },
  ): Promise<JobRunRow | null> {
    const [row] = await executor
      .insert(jobRuns)
      .values({ ...values, outcome: 'running', startedAt: new Date() })
      .onConflictDoNothing()
      .returning();
    return row ?? null;
  },

  async finish(
    executor: Executor,
    id: number,
    values: { outcome: 'succeeded' | 'failed'; rows: number | null; error: string | null },
  ): Promise<JobRunRow> {
    const [row] = await executor
      .update(jobRuns)
      .set({ ...values, finishedAt: new Date() })
      .where(eq(jobRuns.id, id))
      .returning();
    return row!;
  },

  /** The job's latest run: of its latest slot, the highest attempt. */
  async latest(executor: Executor, job: string): Promise<JobRunRow | null> {
    const [row] = await executor
      .select()
      .from(jobRuns)
      .where(eq(jobRuns.job, job))
      .orderBy(desc(jobRuns.slot), desc(jobRuns.attempt))
      .limit(1);
    return row ?? null;
  },

  /** Runs, newest first, of one job or of all. */
  async list(executor: Executor, q: { job?: string | undefined; limit: number }): Promise<JobRunRow[]> {
    return executor
      .select()
      .from(jobRuns)
      .where(q.job === undefined ? undefined : eq(jobRuns.job, q.job))
      .orderBy(desc(jobRuns.startedAt), desc(jobRuns.id))
      .limit(q.limit);
  },

  /**
   * Takes the job's advisory lock for the rest of the transaction (PostgreSQL), without
   * waiting: false when another session holds it, that is, the job is running elsewhere.
   */
  async tryLock(tx: Executor, job: string): Promise<boolean> {
    const [row] = await queryRows<{ locked: boolean }>(
      tx,
      sql`select pg_try_advisory_xact_lock(${JOB_LOCK_CLASS}, hashtext(${`job:${job}`})) as locked`,
    );
    return row?.locked === true;
  },

  /**
   * Deletes runs older than `runsBefore`, runs that succeeded touching nothing older than
   * `emptyRunsBefore` (the frequent jobs' idle runs) and outbox items done before
   * `outboxDoneBefore`. Returns how many rows went.
   */
  async prune(
    executor: Executor,
    cutoffs: { runsBefore: Date; emptyRunsBefore: Date; outboxDoneBefore: Date },
  ): Promise<number> {
    const runs = await executor
      .delete(jobRuns)
      .where(
        or(
          lt(jobRuns.startedAt, cutoffs.runsBefore),
          and(
            eq(jobRuns.outcome, 'succeeded'),
            eq(jobRuns.rows, 0),
            lt(jobRuns.startedAt, cutoffs.emptyRunsBefore),
          ),
        ),
      )
      .returning({ id: jobRuns.id });
    const items = await executor
      .delete(outbox)
      .where(lt(outbox.doneAt, cutoffs.outboxDoneBefore))
      .returning({ id: outbox.id });
    return runs.length + items.length;
  },
};
