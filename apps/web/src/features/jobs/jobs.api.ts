import type { JobListResponse, JobRunListResponse, JobRunResponse } from '@ningxin/shared';
import { api } from '../../lib/api';

export const JOBS_QUERY_KEY = ['jobs'] as const;

/** How many runs of a job the page shows. */
export const JOB_RUNS_SHOWN = 50;

export const jobsApi = {
  list: (signal?: AbortSignal) => api<JobListResponse>('/jobs', { signal }),
  runs: (job: string, signal?: AbortSignal) =>
    api<JobRunListResponse>('/jobs/runs', { query: { job, limit: JOB_RUNS_SHOWN }, signal }),
  runNow: (name: string) => api<JobRunResponse>(`/jobs/${encodeURIComponent(name)}/run`, { method: 'POST' }),
};
