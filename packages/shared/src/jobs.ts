import { z } from 'zod';
import { QueryInt } from './common/ids';

/** A job's name: `<module>.<job>`, lower-case letters, digits and underscores. */
export const JobName = (label = '任务名称') =>
  z
    .string({ error: `${label}应为文字` })
    .max(64, `${label}不能超过 64 个字符`)
    .regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/, `${label}格式不正确（如 auth.session_purge）`);

/** How a run ended: running (not finished yet), succeeded or failed. */
export const JOB_OUTCOMES = ['running', 'succeeded', 'failed'] as const;
export const JobOutcome = z.enum(JOB_OUTCOMES);
export type JobOutcome = z.infer<typeof JobOutcome>;

export const JOB_OUTCOME_LABELS: Record<JobOutcome, string> = {
  running: '运行中',
  succeeded: '成功',
  failed: '失败',
};

/** How many times a scheduled time is tried: the first run and two retries. */
export const JOB_MAX_ATTEMPTS = 3;

export const JobRunResponse = z.object({
  id: z.number().int(),
  job: z.string(),
  /** The scheduled time the run is for (for a run started by hand: when it was asked for). */
  slot: z.string(),
  /** 1 for the first run of the slot, 2 and 3 for its retries. */
  attempt: z.number().int(),
  outcome: JobOutcome,
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** How many rows the run touched (deleted, written, checked; the job's README says which). */
  rows: z.number().int().nullable(),
  /** Why it failed: a message without personal data. */
  error: z.string().nullable(),
  /** Which server instance ran it. */
  instance: z.string(),
  /** When a failed run is tried again; null when it will not be. */
  retryAt: z.string().nullable(),
});
export type JobRunResponse = z.infer<typeof JobRunResponse>;

export const JobResponse = z.object({
  name: z.string(),
  label: z.string(),
  /** A cron expression in Asia/Shanghai (seconds first when it has six fields). */
  schedule: z.string(),
  nextRunAt: z.string().nullable(),
  lastRun: JobRunResponse.nullable(),
});
export type JobResponse = z.infer<typeof JobResponse>;

export const JobListResponse = z.object({ items: z.array(JobResponse) });
export type JobListResponse = z.infer<typeof JobListResponse>;

export const JobRunsQuery = z.object({
  job: JobName().optional(),
  limit: QueryInt('条数', 1, 200).default(50),
});
export type JobRunsQuery = z.infer<typeof JobRunsQuery>;

export const JobRunListResponse = z.object({ items: z.array(JobRunResponse) });
export type JobRunListResponse = z.infer<typeof JobRunListResponse>;

export const JobParams = z.object({ name: JobName() });
export type JobParams = z.infer<typeof JobParams>;
