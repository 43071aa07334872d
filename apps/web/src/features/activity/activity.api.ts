import type { ActivityTimelineResponse } from '@ningxin/shared';
import { api } from '../../lib/api';

export const ACTIVITY_PAGE_SIZE = 30;

/** Under the members' keys: a status change or an edit reloads the member's 履历 too. */
export const activityKeys = {
  timeline: (memberId: number, year: number | null) =>
    ['members', 'activity', memberId, year ?? 'recent'] as const,
};

export const activityApi = {
  /** A year's entries and totals, or without a year the most recent entries; a page at a time. */
  timeline: (memberId: number, year: number | null, cursor: string | undefined, signal?: AbortSignal) =>
    api<ActivityTimelineResponse>(`/members/${memberId}/activity`, {
      query: { year, limit: ACTIVITY_PAGE_SIZE, cursor },
      signal,
    }),
};
