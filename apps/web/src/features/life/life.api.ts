import type {
  AttendanceItem,
  AttendanceListResponse,
  AttendanceStatus,
  LeaveDecisionBody,
  MeetingAmendBody,
  MeetingCreateInput,
  MeetingHoldBody,
  MeetingListResponse,
  MeetingResponse,
  MeetingState,
  MeetingType,
  MeetingUpdateBody,
  MyMeetingsResponse,
  SignInCodeResponse,
} from '@ningxin/shared';
import { api } from '../../lib/api';

export const MEETINGS_PAGE_SIZE = 20;

export interface MeetingFilters {
  orgId?: number | undefined;
  type?: MeetingType | undefined;
  state?: MeetingState | undefined;
  month?: string | undefined;
}

export const meetingKeys = {
  all: ['meetings'] as const,
  list: (f: MeetingFilters) => ['meetings', 'list', f] as const,
  detail: (id: number) => ['meetings', 'detail', id] as const,
  attendance: (id: number) => ['meetings', 'attendance', id] as const,
  code: (id: number) => ['meetings', 'code', id] as const,
  mine: ['meetings', 'mine'] as const,
};

export const meetingsApi = {
  list: (f: MeetingFilters, cursor: string | undefined, signal?: AbortSignal) =>
    api<MeetingListResponse>('/meetings', {
      query: { ...f, cursor, limit: MEETINGS_PAGE_SIZE },
      ...(signal ? { signal } : {}),
    }),
  get: (id: number) => api<MeetingResponse>(`/meetings/${id}`),
  create: (body: MeetingCreateInput) => api<MeetingResponse>('/meetings', { method: 'POST', body }),
  update: (id: number, body: MeetingUpdateBody) =>
    api<MeetingResponse>(`/meetings/${id}`, { method: 'PATCH', body }),
  hold: (id: number, body: MeetingHoldBody) =>
    api<MeetingResponse>(`/meetings/${id}/hold`, { method: 'POST', body }),
  archive: (id: number, version: number) =>
    api<MeetingResponse>(`/meetings/${id}/archive`, { method: 'POST', body: { version } }),
  cancel: (id: number, body: { reason: string; version: number }) =>
    api<MeetingResponse>(`/meetings/${id}/cancel`, { method: 'POST', body }),
  amend: (id: number, body: MeetingAmendBody) =>
    api<MeetingResponse>(`/meetings/${id}/amendments`, { method: 'POST', body }),
  attendance: async (id: number): Promise<AttendanceItem[]> => {
    const items: AttendanceItem[] = [];
    let cursor: number | undefined;
    do {
      const page = await api<AttendanceListResponse>(`/meetings/${id}/attendance`, {
        query: { limit: 500, cursor },
      });
      items.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    return items;
  },
  record: (id: number, memberId: number, body: { status: AttendanceStatus; note?: string | null }) =>
    api<AttendanceItem>(`/meetings/${id}/attendance/${memberId}`, { method: 'PUT', body }),
  decideLeave: (id: number, memberId: number, body: LeaveDecisionBody) =>
    api<AttendanceItem>(`/meetings/${id}/attendance/${memberId}/leave`, { method: 'POST', body }),
  requestLeave: (id: number, reason: string) =>
    api<AttendanceItem>(`/meetings/${id}/leave`, { method: 'POST', body: { reason } }),
  signInCode: (id: number) => api<SignInCodeResponse>(`/meetings/${id}/sign-in-code`),
  mine: () => api<MyMeetingsResponse>('/meetings/mine'),
};
