import type {
  OrgCloseBody,
  OrgCreateBody,
  OrgMoveBody,
  OrgResponse,
  OrgTreeResponse,
  OrgUpdateBody,
  PositionCreateBody,
  PositionResponse,
  PositionUpdateBody,
} from '@ningxin/shared';
import { api } from '../../lib/api';

export const orgKeys = {
  all: ['orgs'] as const,
  tree: (includeClosed: boolean) => ['orgs', 'tree', includeClosed] as const,
  detail: (id: number) => ['orgs', 'detail', id] as const,
};

export const orgsApi = {
  tree: (includeClosed: boolean) => api<OrgTreeResponse>('/orgs/tree', { query: { includeClosed } }),
  get: (id: number) => api<OrgResponse>(`/orgs/${id}`),
  create: (body: OrgCreateBody) => api<OrgResponse>('/orgs', { method: 'POST', body }),
  update: (id: number, body: OrgUpdateBody) => api<OrgResponse>(`/orgs/${id}`, { method: 'PATCH', body }),
  move: (id: number, body: OrgMoveBody) => api<OrgResponse>(`/orgs/${id}/move`, { method: 'POST', body }),
  close: (id: number, body: OrgCloseBody) => api<OrgResponse>(`/orgs/${id}/close`, { method: 'POST', body }),
  addPosition: (orgId: number, body: PositionCreateBody) =>
    api<PositionResponse>(`/orgs/${orgId}/positions`, { method: 'POST', body }),
  updatePosition: (orgId: number, positionId: number, body: PositionUpdateBody) =>
    api<PositionResponse>(`/orgs/${orgId}/positions/${positionId}`, { method: 'PATCH', body }),
  deletePosition: (orgId: number, positionId: number) =>
    api<void>(`/orgs/${orgId}/positions/${positionId}`, { method: 'DELETE' }),
};
