import type {
  PointsMineResponse,
  PointsOrgRankingResponse,
  PointsRankingResponse,
  PointsRulesResponse,
  PointsRunBody,
  PointsRunListResponse,
  PointsRunResponse,
  PointsVerifyResponse,
} from '@ningxin/shared';
import { api, apiUrl } from '../../lib/api';

export const POINTS_PAGE_SIZE = 50;

export interface RankingFilters {
  year: number;
  orgId?: number | undefined;
}

export const pointsKeys = {
  all: ['points'] as const,
  rules: ['points', 'rules'] as const,
  ranking: (f: RankingFilters) => ['points', 'ranking', f] as const,
  orgs: (year: number) => ['points', 'orgs', year] as const,
  runs: (year: number) => ['points', 'runs', year] as const,
  mine: (year?: number) => ['points', 'mine', year ?? 'current'] as const,
};

export const pointsApi = {
  rules: () => api<PointsRulesResponse>('/points/rules'),
  ranking: (f: RankingFilters, cursor: string | undefined, signal?: AbortSignal) =>
    api<PointsRankingResponse>('/points/ranking', {
      query: { year: f.year, orgId: f.orgId, cursor, limit: POINTS_PAGE_SIZE },
      ...(signal ? { signal } : {}),
    }),
  orgs: (year: number) => api<PointsOrgRankingResponse>('/points/ranking/orgs', { query: { year } }),
  runs: (year: number) => api<PointsRunListResponse>('/points/runs', { query: { year, limit: 50 } }),
  run: (body: PointsRunBody) => api<PointsRunResponse>('/points/runs', { method: 'POST', body }),
  verify: (id: number) => api<PointsVerifyResponse>(`/points/runs/${id}/verify`),
  mine: (year?: number) => api<PointsMineResponse>('/points/mine', { query: { year } }),
  exportUrl: (f: RankingFilters) => apiUrl('/points/ranking/export', { year: f.year, orgId: f.orgId }),
};
