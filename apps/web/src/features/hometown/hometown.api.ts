import type {
  DonationCreateInput,
  DonationKind,
  DonationListResponse,
  DonationPurpose,
  DonationResponse,
  DonationUpdateInput,
  HonourRollResponse,
  PlacementCreateInput,
  PlacementListResponse,
  PlacementResponse,
  PlacementUpdateInput,
  PostingCreateInput,
  PostingListResponse,
  PostingResponse,
  PostingState,
  PostingUpdateInput,
  ProjectCreateInput,
  ProjectDetailResponse,
  ProjectListResponse,
  ProjectStage,
  ProjectStageBody,
  ProjectUpdateInput,
  ProjectYearInput,
  TotalsResponse,
} from '@ningxin/shared';
import { api, apiUrl } from '../../lib/api';

export const HOMETOWN_PAGE_SIZE = 20;

export interface ProjectFilters {
  countyCode?: string | undefined;
  stage?: ProjectStage | undefined;
  year?: number | undefined;
  q?: string | undefined;
}
export interface DonationFilters {
  countyCode?: string | undefined;
  purpose?: DonationPurpose | undefined;
  kind?: DonationKind | undefined;
  year?: number | undefined;
  q?: string | undefined;
}
export interface LabourFilters {
  countyCode?: string | undefined;
  state?: PostingState | undefined;
  year?: number | undefined;
  q?: string | undefined;
}
export interface TotalsFilters {
  countyCode?: string | undefined;
  year?: number | undefined;
}

export const hometownKeys = {
  all: ['hometown'] as const,
  projects: (f: ProjectFilters) => ['hometown', 'projects', f] as const,
  project: (id: number) => ['hometown', 'project', id] as const,
  donations: (f: DonationFilters) => ['hometown', 'donations', f] as const,
  honourRoll: (f: DonationFilters) => ['hometown', 'honour-roll', f] as const,
  postings: (f: LabourFilters) => ['hometown', 'postings', f] as const,
  placements: (f: LabourFilters) => ['hometown', 'placements', f] as const,
  exportUrl: (list: 'projects' | 'donations' | 'labour/postings' | 'labour/placements', f: object) =>
    apiUrl(`/hometown/${list}/export`, { ...(f as Record<string, string | number | undefined>) }),

  totals: (f: TotalsFilters) => ['hometown', 'totals', f] as const,
};

const page = (cursor: string | undefined) => ({ cursor, limit: HOMETOWN_PAGE_SIZE });
const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

export const hometownApi = {
  projects: (f: ProjectFilters, cursor: string | undefined, signal?: AbortSignal) =>
    api<ProjectListResponse>('/hometown/projects', {
      query: { ...f, ...page(cursor) },
      ...withSignal(signal),
    }),
  project: (id: number) => api<ProjectDetailResponse>(`/hometown/projects/${id}`),
  createProject: (body: ProjectCreateInput) =>
    api<ProjectDetailResponse>('/hometown/projects', { method: 'POST', body }),
  updateProject: (id: number, body: ProjectUpdateInput) =>
    api<ProjectDetailResponse>(`/hometown/projects/${id}`, { method: 'PATCH', body }),
  changeStage: (id: number, body: ProjectStageBody) =>
    api<ProjectDetailResponse>(`/hometown/projects/${id}/stage`, { method: 'POST', body }),
  setYears: (id: number, body: { years: ProjectYearInput[]; version: number }) =>
    api<ProjectDetailResponse>(`/hometown/projects/${id}/years`, { method: 'PUT', body }),
  deleteProject: (id: number) => api<void>(`/hometown/projects/${id}`, { method: 'DELETE' }),

  donations: (f: DonationFilters, cursor: string | undefined, signal?: AbortSignal) =>
    api<DonationListResponse>('/hometown/donations', {
      query: { ...f, ...page(cursor) },
      ...withSignal(signal),
    }),
  honourRoll: (f: DonationFilters) =>
    api<HonourRollResponse>('/hometown/donations/honour-roll', {
      query: { countyCode: f.countyCode, purpose: f.purpose, year: f.year, limit: 50 },
    }),
  createDonation: (body: DonationCreateInput) =>
    api<DonationResponse>('/hometown/donations', { method: 'POST', body }),
  updateDonation: (id: number, body: DonationUpdateInput) =>
    api<DonationResponse>(`/hometown/donations/${id}`, { method: 'PUT', body }),
  deleteDonation: (id: number) => api<void>(`/hometown/donations/${id}`, { method: 'DELETE' }),

  postings: (f: LabourFilters, cursor: string | undefined, signal?: AbortSignal) =>
    api<PostingListResponse>('/hometown/labour/postings', {
      query: { ...f, ...page(cursor) },
      ...withSignal(signal),
    }),
  createPosting: (body: PostingCreateInput) =>
    api<PostingResponse>('/hometown/labour/postings', { method: 'POST', body }),
  updatePosting: (id: number, body: PostingUpdateInput) =>
    api<PostingResponse>(`/hometown/labour/postings/${id}`, { method: 'PUT', body }),
  deletePosting: (id: number) => api<void>(`/hometown/labour/postings/${id}`, { method: 'DELETE' }),

  placements: (f: LabourFilters, cursor: string | undefined, signal?: AbortSignal) =>
    api<PlacementListResponse>('/hometown/labour/placements', {
      query: { countyCode: f.countyCode, year: f.year, q: f.q, ...page(cursor) },
      ...withSignal(signal),
    }),
  createPlacement: (body: PlacementCreateInput) =>
    api<PlacementResponse>('/hometown/labour/placements', { method: 'POST', body }),
  updatePlacement: (id: number, body: PlacementUpdateInput) =>
    api<PlacementResponse>(`/hometown/labour/placements/${id}`, { method: 'PUT', body }),
  deletePlacement: (id: number) => api<void>(`/hometown/labour/placements/${id}`, { method: 'DELETE' }),

  exportUrl: (list: 'projects' | 'donations' | 'labour/postings' | 'labour/placements', f: object) =>
    apiUrl(`/hometown/${list}/export`, { ...(f as Record<string, string | number | undefined>) }),

  totals: (f: TotalsFilters) => api<TotalsResponse>('/hometown/totals', { query: { ...f } }),
};
