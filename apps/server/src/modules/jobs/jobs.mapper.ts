import type { JobOutcome, JobRunResponse } from '@ningxin/shared';
import type { JobRunRow } from './jobs.repository';

/**
 * A run as the admin sees it. The service gives `retryAt` only for a job's latest run: an older
 * failure is not tried again, a newer run of the job has taken its place.
 */
export function mapRun(row: JobRunRow, retryAt: Date | null): JobRunResponse {
  return {
    id: row.id,
    job: row.job,
    slot: row.slot.toISOString(),
    attempt: row.attempt,
    outcome: row.outcome as JobOutcome,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    rows: row.rows,
    error: row.error,
    instance: row.instance,
    retryAt: retryAt?.toISOString() ?? null,
  };
}
