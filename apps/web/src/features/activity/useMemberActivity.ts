import { useCursorList } from '../../lib/useCursorList';
import { activityApi, activityKeys } from './activity.api';

/** A member's 履历: the year's (or the most recent) entries, newest first, a page at a time. */
export function useMemberActivity(memberId: number, year: number | null) {
  return useCursorList(
    activityKeys.timeline(memberId, year),
    (cursor: string | undefined, signal) => activityApi.timeline(memberId, year, cursor, signal),
    { enabled: memberId > 0 },
  );
}
