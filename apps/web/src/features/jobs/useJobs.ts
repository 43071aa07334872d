import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { JOBS_QUERY_KEY, jobsApi } from './jobs.api';

/** Runs go on without the page: it looks again every 15 seconds while open. */
const REFRESH_MS = 15_000;

export function useJobs() {
  return useQuery({
    queryKey: JOBS_QUERY_KEY,
    queryFn: ({ signal }) => jobsApi.list(signal),
    refetchInterval: REFRESH_MS,
  });
}

export function useJobRuns(job: string | null) {
  return useQuery({
    queryKey: [...JOBS_QUERY_KEY, 'runs', job],
    queryFn: ({ signal }) => jobsApi.runs(job!, signal),
    enabled: job !== null,
    refetchInterval: REFRESH_MS,
  });
}

/** Runs a job now; the list and its runs are read again when it has ended. */
export function useRunJobNow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: jobsApi.runNow,
    onSettled: () => queryClient.invalidateQueries({ queryKey: JOBS_QUERY_KEY }),
  });
}
