import type {
  AbsenteesResponse,
  BehindListResponse,
  ComplianceBoardResponse,
  ExemptionCreateInput,
  ExemptionListResponse,
  ExemptionResponse,
} from '@ningxin/shared';
import { api, apiUrl } from '../../lib/api';

export interface BoardFilters {
  year: number;
  orgId?: number | undefined;
}

export const complianceKeys = {
  all: ['compliance'] as const,
  board: (f: BoardFilters) => ['compliance', 'board', f] as const,
  behind: (f: BoardFilters) => ['compliance', 'behind', f] as const,
  absentees: (orgId: number | undefined, n: number) => ['compliance', 'absentees', orgId, n] as const,
  exemptions: (orgId: number | undefined) => ['compliance', 'exemptions', orgId] as const,
};

export const complianceApi = {
  board: (f: BoardFilters) => api<ComplianceBoardResponse>('/meetings/compliance', { query: { ...f } }),
  behind: (f: BoardFilters) => api<BehindListResponse>('/meetings/compliance/behind', { query: { ...f } }),
  absentees: (orgId: number | undefined, n: number) =>
    api<AbsenteesResponse>('/meetings/compliance/absentees', { query: { orgId, n } }),
  exportUrl: (f: BoardFilters) => apiUrl('/meetings/compliance/export', { ...f }),
  exemptions: (orgId: number | undefined) =>
    api<ExemptionListResponse>('/meetings/exemptions', { query: { orgId } }),
  createExemption: (body: ExemptionCreateInput) =>
    api<ExemptionResponse>('/meetings/exemptions', { method: 'POST', body }),
  deleteExemption: (id: number) => api<void>(`/meetings/exemptions/${id}`, { method: 'DELETE' }),
};
