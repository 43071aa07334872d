import type {
  VolunteerHoursCreateInput,
  VolunteerHoursDecideInput,
  VolunteerHoursListResponse,
  VolunteerHoursResponse,
  VolunteerHoursState,
  VolunteerHoursSummaryResponse,
} from '@ningxin/shared';
import { api } from '../../lib/api';

export const VOLUNTEER_HOURS_PAGE_SIZE = 20;

export interface VolunteerHoursFilters {
  state?: VolunteerHoursState | undefined;
}

export const volunteerHoursKeys = {
  all: ['volunteer-hours'] as const,
  list: (f: VolunteerHoursFilters) => ['volunteer-hours', 'list', f] as const,
  mine: ['volunteer-hours', 'mine'] as const,
  summary: ['volunteer-hours', 'summary'] as const,
};

export const volunteerHoursApi = {
  list: (f: VolunteerHoursFilters, cursor: string | undefined, signal?: AbortSignal) =>
    api<VolunteerHoursListResponse>('/volunteer/hours', {
      query: { ...f, cursor, limit: VOLUNTEER_HOURS_PAGE_SIZE },
      ...(signal ? { signal } : {}),
    }),
  mine: () => api<VolunteerHoursListResponse>('/volunteer/hours/mine'),
  summary: () => api<VolunteerHoursSummaryResponse>('/volunteer/hours/mine/summary'),
  create: (body: VolunteerHoursCreateInput) =>
    api<VolunteerHoursResponse>('/volunteer/hours', { method: 'POST', body }),
  decide: (id: number, body: VolunteerHoursDecideInput) =>
    api<VolunteerHoursResponse>(`/volunteer/hours/${id}/decide`, { method: 'POST', body }),
  withdraw: (id: number, version: number) =>
    api<VolunteerHoursResponse>(`/volunteer/hours/${id}/withdraw`, { method: 'POST', body: { version } }),
};

/** The tag colour of each state. */
export const VOLUNTEER_HOURS_COLORS: Record<VolunteerHoursState, string> = {
  submitted: 'processing',
  approved: 'success',
  rejected: 'error',
  withdrawn: 'default',
};
