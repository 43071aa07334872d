import { useInfiniteQuery } from '@tanstack/react-query';
import { type AuditFilters, auditApi } from './audit.api';

/** The audit log, newest first, a page at a time by keyset cursor. */
export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', 'list', filters],
    queryFn: ({ pageParam, signal }) => auditApi.list(filters, pageParam, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
