import type { WorkbenchResponse } from '@ningxin/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

export const WORKBENCH_KEY = ['workbench'] as const;

/** The user's home page: figures of their scope and their to-dos. */
export function useWorkbench() {
  return useQuery({ queryKey: WORKBENCH_KEY, queryFn: () => api<WorkbenchResponse>('/workbench') });
}
