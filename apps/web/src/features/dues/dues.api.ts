import type {
  DuesArrearsResponse,
  DuesBaseCreateInput,
  DuesBaseListResponse,
  DuesBaseResponse,
  DuesBaseUpdateInput,
  DuesCalculateResponse,
  DuesClass,
  DuesMemberResponse,
  DuesMonthDetailResponse,
  DuesMonthListResponse,
  DuesPaymentCreateInput,
  DuesPaymentResponse,
  DuesReliefCreateInput,
  DuesReliefListResponse,
  DuesReliefResponse,
  DuesReliefState,
} from '@ningxin/shared';
import { api, apiUrl } from '../../lib/api';

export const duesKeys = {
  all: ['dues'] as const,
  months: (orgId: number | undefined, year: number) => ['dues', 'months', orgId, year] as const,
  month: (id: number) => ['dues', 'month', id] as const,
  arrears: (orgId: number | undefined, minMonths: number) => ['dues', 'arrears', orgId, minMonths] as const,
  bases: (orgId: number | undefined, year: number, missing: boolean) =>
    ['dues', 'bases', orgId, year, missing] as const,
  reliefs: (state: DuesReliefState | undefined) => ['dues', 'reliefs', state] as const,
  mine: ['dues', 'mine'] as const,
};

const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

export const duesApi = {
  calculate: (cls: DuesClass, base: string | undefined) =>
    api<DuesCalculateResponse>('/dues/calculate', { query: { class: cls, base } }),
  months: (orgId: number | undefined, year: number) =>
    api<DuesMonthListResponse>('/dues/months', { query: { orgId, year, limit: 100 } }),
  month: (id: number) => api<DuesMonthDetailResponse>(`/dues/months/${id}`),
  openMonth: (orgId: number, month: string) =>
    api<DuesMonthDetailResponse>('/dues/months', { method: 'POST', body: { orgId, month } }),
  closeMonth: (id: number, version: number) =>
    api<DuesMonthDetailResponse>(`/dues/months/${id}/close`, { method: 'POST', body: { version } }),
  pay: (body: DuesPaymentCreateInput) => api<DuesPaymentResponse>('/dues/payments', { method: 'POST', body }),
  arrears: (orgId: number | undefined, minMonths: number, cursor: string | undefined, signal?: AbortSignal) =>
    api<DuesArrearsResponse>('/dues/arrears', {
      query: { orgId, minMonths, cursor, limit: 50 },
      ...withSignal(signal),
    }),
  remind: (orgId: number | undefined) =>
    api<{ sent: number }>('/dues/arrears/remind', { method: 'POST', body: orgId ? { orgId } : {} }),
  bases: (
    orgId: number | undefined,
    year: number,
    missing: boolean,
    cursor: string | undefined,
    signal?: AbortSignal,
  ) =>
    api<DuesBaseListResponse>('/dues/bases', {
      query: { orgId, year, missing: String(missing), cursor, limit: 50 },
      ...withSignal(signal),
    }),
  createBase: (body: DuesBaseCreateInput) => api<DuesBaseResponse>('/dues/bases', { method: 'POST', body }),
  updateBase: (id: number, body: DuesBaseUpdateInput) =>
    api<DuesBaseResponse>(`/dues/bases/${id}`, { method: 'PUT', body }),
  reliefs: (state: DuesReliefState | undefined, cursor: string | undefined, signal?: AbortSignal) =>
    api<DuesReliefListResponse>('/dues/reliefs', {
      query: { state, cursor, limit: 50 },
      ...withSignal(signal),
    }),
  createRelief: (body: DuesReliefCreateInput) =>
    api<DuesReliefResponse>('/dues/reliefs', { method: 'POST', body }),
  reliefStep: (id: number, step: 'review' | 'decide', version: number, approve: boolean) =>
    api<DuesReliefResponse>(`/dues/reliefs/${id}/${step}`, { method: 'POST', body: { version, approve } }),
  member: (memberId: number) => api<DuesMemberResponse>(`/dues/members/${memberId}`),
  mine: () => api<DuesMemberResponse>('/dues/mine'),
  reportUrl: (monthId: number) => apiUrl(`/dues/months/${monthId}/report`),
  arrearsExportUrl: (orgId: number | undefined, minMonths: number) =>
    apiUrl('/dues/arrears/export', { orgId, minMonths }),
};
