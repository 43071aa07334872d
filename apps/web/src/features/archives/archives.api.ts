import type {
  ArchiveCategory,
  ArchiveItemCreateInput,
  ArchiveItemResponse,
  ArchiveListResponse,
  ArchiveLoanHistoryResponse,
  ArchiveLoanInput,
  ArchiveLoanListResponse,
  ArchiveLoanResponse,
  ArchiveLoanState,
  ArchivePlacesResponse,
  ArchiveReturnInput,
} from '@ningxin/shared';
import { api, apiUrl } from '../../lib/api';

export const ARCHIVES_PAGE_SIZE = 20;

export interface ArchiveFilters {
  category?: ArchiveCategory | undefined;
  year?: number | undefined;
  orgId?: number | undefined;
  room?: string | undefined;
  cabinet?: string | undefined;
  shelf?: string | undefined;
  box?: string | undefined;
  onLoan?: boolean | undefined;
  overdue?: boolean | undefined;
  q?: string | undefined;
}

export const archivesKeys = {
  all: ['archives'] as const,
  list: (f: ArchiveFilters) => ['archives', 'list', f] as const,
  places: ['archives', 'places'] as const,
  loans: (state: ArchiveLoanState) => ['archives', 'loans', state] as const,
  history: (id: number) => ['archives', 'history', id] as const,
};

const query = (f: ArchiveFilters) => ({
  ...f,
  onLoan: f.onLoan ? 'true' : undefined,
  overdue: f.overdue ? 'true' : undefined,
});

export const archivesApi = {
  list: (f: ArchiveFilters, cursor: string | undefined, signal?: AbortSignal) =>
    api<ArchiveListResponse>('/archives', {
      query: { ...query(f), cursor, limit: ARCHIVES_PAGE_SIZE },
      ...(signal ? { signal } : {}),
    }),
  create: (body: ArchiveItemCreateInput) => api<ArchiveItemResponse>('/archives', { method: 'POST', body }),
  update: (id: number, body: ArchiveItemCreateInput & { version: number }) =>
    api<ArchiveItemResponse>(`/archives/${id}`, { method: 'PUT', body }),
  remove: (id: number) => api<void>(`/archives/${id}`, { method: 'DELETE' }),
  places: () => api<ArchivePlacesResponse>('/archives/places'),
  history: (id: number) => api<ArchiveLoanHistoryResponse>(`/archives/${id}/loans`),
  lend: (id: number, body: ArchiveLoanInput) =>
    api<ArchiveLoanResponse>(`/archives/${id}/loans`, { method: 'POST', body }),
  loans: (state: ArchiveLoanState, cursor: string | undefined, signal?: AbortSignal) =>
    api<ArchiveLoanListResponse>('/archives/loans', {
      query: { state, cursor, limit: ARCHIVES_PAGE_SIZE },
      ...(signal ? { signal } : {}),
    }),
  giveBack: (id: number, body: ArchiveReturnInput) =>
    api<ArchiveLoanResponse>(`/archives/loans/${id}/return`, { method: 'POST', body }),
  exportUrl: (f: ArchiveFilters) => apiUrl('/archives/export', query(f)),
};
