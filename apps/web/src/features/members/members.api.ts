import type {
  AuditEntryResponse,
  MemberCreateInput,
  MemberListResponse,
  MemberResponse,
  MemberRevealBody,
  MemberRevealResponse,
  MemberStatusChangeBody,
  MemberUpdateBody,
} from '@ningxin/shared';
import { api, apiUrl } from '../../lib/api';
import { filtersToQuery, type MemberFilters } from './memberFilters';

export const MEMBER_PAGE_SIZE = 50;

export const memberKeys = {
  all: ['members'] as const,
  list: (query: Record<string, string>) => ['members', 'list', query] as const,
  detail: (id: number) => ['members', 'detail', id] as const,
  history: (id: number) => ['members', 'history', id] as const,
};

export const membersApi = {
  list: (filters: MemberFilters, cursor: string | undefined, signal?: AbortSignal) =>
    api<MemberListResponse>('/members', {
      query: { ...filtersToQuery(filters), limit: MEMBER_PAGE_SIZE, cursor },
      signal,
    }),
  get: (id: number) => api<MemberResponse>(`/members/${id}`),
  create: (body: MemberCreateInput) => api<MemberResponse>('/members', { method: 'POST', body }),
  update: (id: number, body: MemberUpdateBody) =>
    api<MemberResponse>(`/members/${id}`, { method: 'PATCH', body }),
  createAccount: (id: number, password: string) =>
    api<MemberResponse>(`/members/${id}/account`, { method: 'POST', body: { password } }),
  changeStatus: (id: number, body: MemberStatusChangeBody) =>
    api<MemberResponse>(`/members/${id}/status`, { method: 'POST', body }),
  /** Audited on the server; the answer is shown once and never put in the query cache. */
  reveal: (id: number, body: MemberRevealBody) =>
    api<MemberRevealResponse>(`/members/${id}/reveal`, { method: 'POST', body }),
  history: (id: number) => api<{ items: AuditEntryResponse[] }>(`/members/${id}/history`),
};

/** The export download of the filtered list; `reveal` asks for full ID numbers and phones. */
export function exportUrl(filters: MemberFilters, reveal: boolean): string {
  return apiUrl('/members/export', { ...filtersToQuery(filters), reveal });
}

export const IMPORT_TEMPLATE_URL = apiUrl('/members/import/template');
