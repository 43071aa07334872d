import { useInfiniteQuery } from '@tanstack/react-query';
import { activityApi, activityKeys } from './activity.api';

/** A member's 履历: the year's (or the most recent) entries, newest first, a page at a time. */
export function useMemberActivity(memberId: number, year: number | null) {
  return useInfiniteQuery({
    queryKey: activityKeys.timeline(memberId, year),
    queryFn: ({ pageParam, signal }) => activityApi.timeline(memberId, year, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: memberId > 0,
  });
}
