import type {
  OpenVolunteerCampaignsResponse,
  VolunteerAssignmentResponse,
  VolunteerCampaignCreateInput,
  VolunteerCampaignDetailResponse,
  VolunteerCampaignListResponse,
  VolunteerCampaignState,
  VolunteerCampaignStateBody,
  VolunteerCampaignSummaryResponse,
  VolunteerCampaignUpdateBody,
  VolunteerCheckInBody,
  VolunteerIncidentInput,
  VolunteerIncidentListResponse,
  VolunteerIncidentResponse,
  VolunteerLeaderDayResponse,
  VolunteerMyShiftsResponse,
  VolunteerPostCodeResponse,
  VolunteerPostInput,
  VolunteerPostResponse,
  VolunteerRosterResponse,
  VolunteerRoundInput,
  VolunteerRoundListResponse,
  VolunteerRoundResponse,
  VolunteerScanResult,
  VolunteerShiftListResponse,
  VolunteerShiftResponse,
  VolunteerShiftsInput,
} from '@ningxin/shared';
import { api, apiUrl } from '../../lib/api';
import { downloadPdf } from '../../lib/download';

export const CAMPAIGNS_PAGE_SIZE = 20;
const BASE = '/volunteer/campaigns';

export interface CampaignFilters {
  state?: VolunteerCampaignState | undefined;
  q?: string | undefined;
}

export type CampaignCreateInput = VolunteerCampaignCreateInput;
export type PostInput = VolunteerPostInput;
export type ShiftsInput = VolunteerShiftsInput;

export const volunteerKeys = {
  all: ['volunteer'] as const,
  list: (f: CampaignFilters) => ['volunteer', 'list', f] as const,
  one: (id: number) => ['volunteer', 'one', id] as const,
  shifts: (id: number) => ['volunteer', 'one', id, 'shifts'] as const,
  roster: (id: number, shiftId?: number) => ['volunteer', 'one', id, 'roster', shiftId ?? 0] as const,
  summary: (id: number) => ['volunteer', 'one', id, 'summary'] as const,
  rounds: (id: number) => ['volunteer', 'one', id, 'rounds'] as const,
  incidents: (id: number) => ['volunteer', 'one', id, 'incidents'] as const,
  code: (id: number, postId: number) => ['volunteer', 'code', id, postId] as const,
  open: ['volunteer', 'open'] as const,
  mine: ['volunteer', 'mine'] as const,
  leading: (day: string) => ['volunteer', 'leading', day] as const,
};

export const volunteerApi = {
  list: (f: CampaignFilters, cursor: string | undefined, signal?: AbortSignal) =>
    api<VolunteerCampaignListResponse>(BASE, {
      query: { ...f, cursor, limit: CAMPAIGNS_PAGE_SIZE },
      ...(signal ? { signal } : {}),
    }),
  get: (id: number) => api<VolunteerCampaignDetailResponse>(`${BASE}/${id}`),
  create: (body: CampaignCreateInput) => api<VolunteerCampaignDetailResponse>(BASE, { method: 'POST', body }),
  update: (id: number, body: VolunteerCampaignUpdateBody) =>
    api<VolunteerCampaignDetailResponse>(`${BASE}/${id}`, { method: 'PATCH', body }),
  changeState: (id: number, body: VolunteerCampaignStateBody) =>
    api<VolunteerCampaignDetailResponse>(`${BASE}/${id}/state`, { method: 'POST', body }),
  addPost: (id: number, body: PostInput) =>
    api<VolunteerPostResponse>(`${BASE}/${id}/posts`, { method: 'POST', body }),
  updatePost: (id: number, postId: number, body: Partial<PostInput>) =>
    api<VolunteerPostResponse>(`${BASE}/${id}/posts/${postId}`, { method: 'PATCH', body }),
  shifts: (id: number) => api<VolunteerShiftListResponse>(`${BASE}/${id}/shifts`),
  addShifts: (id: number, body: ShiftsInput) =>
    api<VolunteerShiftListResponse>(`${BASE}/${id}/shifts`, { method: 'POST', body }),
  served: (id: number, shiftId: number, body: { servedCount: number; version: number }) =>
    api<VolunteerShiftResponse>(`${BASE}/${id}/shifts/${shiftId}`, { method: 'PATCH', body }),
  roster: (id: number, shiftId?: number) =>
    api<VolunteerRosterResponse>(`${BASE}/${id}/roster`, { query: { shiftId, limit: 500 } }),
  assign: (id: number, body: { shiftId: number; memberId: number }) =>
    api<VolunteerAssignmentResponse>(`${BASE}/${id}/roster`, { method: 'POST', body }),
  unassign: (id: number, assignmentId: number) =>
    api<void>(`${BASE}/${id}/roster/${assignmentId}`, { method: 'DELETE' }),
  check: (id: number, body: VolunteerCheckInBody) =>
    api<VolunteerAssignmentResponse>(`${BASE}/${id}/check-ins`, { method: 'POST', body }),
  summary: (id: number) => api<VolunteerCampaignSummaryResponse>(`${BASE}/${id}/summary`),
  summaryXlsxUrl: (id: number) => apiUrl(`${BASE}/${id}/summary.xlsx`),
  summaryPdf: (id: number) => downloadPdf(`${BASE}/${id}/summary.pdf`, `volunteer-campaign-${id}.pdf`),
  code: (id: number, postId: number) => api<VolunteerPostCodeResponse>(`${BASE}/${id}/posts/${postId}/code`),
  scan: (id: number, postId: number, body: { token: string; nonce: string }) =>
    api<VolunteerScanResult>(`${BASE}/${id}/posts/${postId}/scan`, { method: 'POST', body }),
  rounds: (id: number) => api<VolunteerRoundListResponse>(`${BASE}/${id}/rounds`),
  addRound: (id: number, body: VolunteerRoundInput) =>
    api<VolunteerRoundResponse>(`${BASE}/${id}/rounds`, { method: 'POST', body }),
  incidents: (id: number) => api<VolunteerIncidentListResponse>(`${BASE}/${id}/incidents`),
  addIncident: (id: number, body: VolunteerIncidentInput) =>
    api<VolunteerIncidentResponse>(`${BASE}/${id}/incidents`, { method: 'POST', body }),
  open: () => api<OpenVolunteerCampaignsResponse>(`${BASE}/open`),
  mine: () => api<VolunteerMyShiftsResponse>(`${BASE}/mine`),
  leading: (onDate: string) => api<VolunteerLeaderDayResponse>(`${BASE}/leading`, { query: { onDate } }),
  signUp: (id: number, shiftId: number) =>
    api<VolunteerAssignmentResponse>(`${BASE}/${id}/sign-ups`, { method: 'POST', body: { shiftId } }),
  withdraw: (id: number, assignmentId: number) =>
    api<void>(`${BASE}/${id}/sign-ups/${assignmentId}`, { method: 'DELETE' }),
};

/** A Beijing day `YYYY-MM-DD` of now (or an instant). */
export const beijingDay = (d: Date | string = new Date()) =>
  new Date(d).toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });

/** A Beijing clock time `HH:MM` of an instant. */
export const beijingClock = (d: string) =>
  new Date(d).toLocaleTimeString('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' });

/** A shift's window as shown: `10-16 08:00–12:00`. */
export const windowText = (s: { onDate: string; startsAt: string; endsAt: string }) =>
  `${s.onDate.slice(5)} ${beijingClock(s.startsAt)}–${beijingClock(s.endsAt)}`;
