import type { JobListResponse, JobRunListResponse, JobRunResponse, JobRunsQuery } from '@ningxin/shared';
import type { Db } from '../../db/client';
import type { JobDefinition } from '../../lib/modules';
import { type Actor, assertCan } from '../../policy/policy';
import { appendAudit, auditContextOf } from '../audit/audit.service';
import { jobBusy, jobNotFound } from './jobs.errors';
import { mapRun } from './jobs.mapper';
import { type JobRunRow, jobsRepository } from './jobs.repository';
import type { JobRunner, RunResult } from './jobs.runner';
import type { JobScheduler } from './jobs.scheduler';
import type { Outbox } from './outbox';

/** How long run records are kept: all of them, and the idle runs of the frequent jobs. */
export const RUNS_KEPT_DAYS = 90;
export const IDLE_RUNS_KEPT_HOURS = 24;
/** How long outbox items are kept once done. */
export const OUTBOX_DONE_KEPT_DAYS = 7;

export interface JobsServiceDeps {
  db: Db;
  jobs: () => readonly JobDefinition[];
  runner: JobRunner;
  outbox: Outbox;
  scheduler: JobScheduler;
}

/** The scheduled jobs for the system admin (job.read), the outbox for every module. */
export function createJobsService({ db, jobs, runner, outbox, scheduler }: JobsServiceDeps) {
  const jobNamed = (name: string) => {
    const job = runner.find(name);
    if (!job) throw jobNotFound();
    return job;
  };

  /** The run as shown, with its retry time when it is the latest run of a defined job. */
  const shown = (row: JobRunRow, latest: JobRunRow | null | undefined) =>
    mapRun(row, latest?.id === row.id ? runner.retryAt(row) : null);

  return {
    outbox,
    scheduler,

    async list(actor: Actor): Promise<JobListResponse> {
      assertCan(actor, 'job.read');
      const now = new Date();
      const items: JobListResponse['items'] = [];
      for (const job of jobs()) {
        const last = await jobsRepository.latest(db, job.name);
        items.push({
          name: job.name,
          label: job.label,
          schedule: job.schedule,
          nextRunAt: runner.nextRunAt(job, now)?.toISOString() ?? null,
          lastRun: last ? shown(last, last) : null,
        });
      }
      return { items };
    },

    async runs(actor: Actor, q: JobRunsQuery): Promise<JobRunListResponse> {
      assertCan(actor, 'job.read');
      const rows = await jobsRepository.list(db, q);
      const latest = new Map<string, JobRunRow | null>();
      for (const name of new Set(rows.map((r) => r.job))) {
        if (runner.find(name)) latest.set(name, await jobsRepository.latest(db, name));
      }
      return { items: rows.map((r) => shown(r, latest.get(r.job))) };
    },

    /** Runs a job now for the admin, audited with the claim of the run; 409 while it is running. */
    async trigger(actor: Actor, name: string): Promise<JobRunResponse> {
      assertCan(actor, 'job.read');
      const job = jobNamed(name);
      const result = await runner.runNow(job, (tx, run) =>
        appendAudit(tx, auditContextOf(actor), {
          action: 'job.run',
          targetType: 'job',
          targetId: job.name,
          targetLabel: job.label,
          after: { runId: run.id },
        }),
      );
      if (result.status !== 'ran') throw jobBusy(job.label);
      return shown(result.run, result.run);
    },

    /** Runs what is due at `now` (the scheduler's tick; tests call it with the time they test). */
    runDue: (now?: Date) => runner.runDue(now),

    /** Runs a job now, unaudited: for the system itself and for tests. */
    runNow: (name: string): Promise<RunResult> => runner.runNow(jobNamed(name)),

    /** The outbox drain, as the jobs.outbox_drain job runs it: a failed item fails the run. */
    async drainOutbox(): Promise<number> {
      const { done, failed } = await outbox.drain();
      const [first] = failed;
      if (first) {
        throw new Error(
          `${failed.length} 条待办处理失败，将稍后重试；首条为「${first.topic}」#${first.id}：${first.error}`,
        );
      }
      return done;
    },

    /** Deletes old run records and done outbox items (the jobs.prune job). */
    prune(now: Date = new Date()): Promise<number> {
      const day = 86_400_000;
      return jobsRepository.prune(db, {
        runsBefore: new Date(now.getTime() - RUNS_KEPT_DAYS * day),
        emptyRunsBefore: new Date(now.getTime() - IDLE_RUNS_KEPT_HOURS * 3_600_000),
        outboxDoneBefore: new Date(now.getTime() - OUTBOX_DONE_KEPT_DAYS * day),
      });
    },
  };
}

export type JobsService = ReturnType<typeof createJobsService>;
