import type {
  CareBirthdaysResponse,
  CareHelpCreateInput,
  CareHelpKind,
  CareHelpListResponse,
  CareHelpResponse,
  CareMineResponse,
  CareVisitCreateInput,
  CareVisitListResponse,
  CareVisitReason,
  CareVisitResponse,
  HonourCreateInput,
  HonourKind,
  HonourLevel,
  HonourListResponse,
  HonourResponse,
  HonourWallResponse,
} from '@ningxin/shared';
import { api, apiUrl } from '../../lib/api';

export const CARE_PAGE_SIZE = 20;

export interface VisitFilters {
  reason?: CareVisitReason | undefined;
  year?: number | undefined;
  orgId?: number | undefined;
  memberId?: number | undefined;
}
export interface HelpFilters {
  kind?: CareHelpKind | undefined;
  year?: number | undefined;
  orgId?: number | undefined;
}
export interface HonourFilters {
  level?: HonourLevel | undefined;
  kind?: HonourKind | undefined;
  year?: number | undefined;
  orgId?: number | undefined;
}
export interface BirthdayFilters {
  from?: string | undefined;
  days: number;
  orgId?: number | undefined;
}

export const careKeys = {
  all: ['care'] as const,
  visits: (f: VisitFilters) => ['care', 'visits', f] as const,
  help: (f: HelpFilters) => ['care', 'help', f] as const,
  honours: (f: HonourFilters) => ['care', 'honours', f] as const,
  wall: (year: number | undefined) => ['care', 'wall', year ?? null] as const,
  birthdays: (f: BirthdayFilters) => ['care', 'birthdays', f] as const,
  mine: ['care', 'mine'] as const,
};

const page = (cursor: string | undefined) => ({ cursor, limit: CARE_PAGE_SIZE });
const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});
type Query = Record<string, string | number | undefined>;

export const careApi = {
  visits: (f: VisitFilters, cursor: string | undefined, signal?: AbortSignal) =>
    api<CareVisitListResponse>('/care/visits', { query: { ...f, ...page(cursor) }, ...withSignal(signal) }),
  createVisit: (body: CareVisitCreateInput) =>
    api<CareVisitResponse>('/care/visits', { method: 'POST', body }),
  updateVisit: (id: number, body: CareVisitCreateInput & { version: number }) =>
    api<CareVisitResponse>(`/care/visits/${id}`, { method: 'PUT', body }),
  deleteVisit: (id: number) => api<null>(`/care/visits/${id}`, { method: 'DELETE' }),

  help: (f: HelpFilters, cursor: string | undefined, signal?: AbortSignal) =>
    api<CareHelpListResponse>('/care/help', { query: { ...f, ...page(cursor) }, ...withSignal(signal) }),
  createHelp: (body: CareHelpCreateInput) => api<CareHelpResponse>('/care/help', { method: 'POST', body }),
  updateHelp: (id: number, body: CareHelpCreateInput & { version: number }) =>
    api<CareHelpResponse>(`/care/help/${id}`, { method: 'PUT', body }),
  deleteHelp: (id: number) => api<null>(`/care/help/${id}`, { method: 'DELETE' }),

  honours: (f: HonourFilters, cursor: string | undefined, signal?: AbortSignal) =>
    api<HonourListResponse>('/honours', { query: { ...f, ...page(cursor) }, ...withSignal(signal) }),
  wall: (year: number | undefined) => api<HonourWallResponse>('/honours/wall', { query: { year } }),
  createHonour: (body: HonourCreateInput) => api<HonourResponse>('/honours', { method: 'POST', body }),
  updateHonour: (id: number, body: HonourCreateInput & { version: number }) =>
    api<HonourResponse>(`/honours/${id}`, { method: 'PUT', body }),
  deleteHonour: (id: number) => api<null>(`/honours/${id}`, { method: 'DELETE' }),

  birthdays: (f: BirthdayFilters) => api<CareBirthdaysResponse>('/care/birthdays', { query: { ...f } }),
  cardUrl: (memberId: number) => apiUrl(`/care/birthdays/${memberId}/card.pdf`),
  mine: () => api<CareMineResponse>('/care/mine'),

  exportUrl: (list: 'care/visits' | 'care/help' | 'honours', f: object) =>
    apiUrl(`/${list}/export`, { ...(f as Query) }),
};
