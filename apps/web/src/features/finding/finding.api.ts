import {
  type CampaignCreateInput,
  type CampaignListResponse,
  type CampaignResponse,
  type CampaignUpdateBody,
  type FinderListResponse,
  type ImportReport,
  type LeadCreateInput,
  type LeadFoundInput,
  type LeadListResponse,
  type LeadResponse,
  type LeadState,
  type LeadUpdateBody,
  NDJSON,
  type ProgressResponse,
  type VisitCreateBody,
} from '@ningxin/shared';
import { api, apiUrl, errorFromResponse, networkError } from '../../lib/api';
import { type Progress, readProgressStream } from '../../lib/progressStream';

export const LEAD_PAGE_SIZE = 30;

export interface LeadFilters {
  state?: LeadState | undefined;
  /** A finder's id, or 'none' for leads without one. */
  finder?: number | 'none' | undefined;
  district?: string | undefined;
}

export const findingKeys = {
  all: ['finding'] as const,
  campaigns: ['finding', 'campaigns'] as const,
  campaign: (id: number) => ['finding', 'campaign', id] as const,
  leads: (id: number, f: LeadFilters) => ['finding', 'leads', id, f] as const,
  lead: (id: number) => ['finding', 'lead', id] as const,
  myLeads: (show: string) => ['finding', 'my-leads', show] as const,
  progress: (id: number) => ['finding', 'progress', id] as const,
  finders: ['finding', 'finders'] as const,
};

export const findingApi = {
  campaigns: (cursor: string | undefined) =>
    api<CampaignListResponse>('/finding/campaigns', { query: { cursor, limit: 30 } }),
  campaign: (id: number) => api<CampaignResponse>(`/finding/campaigns/${id}`),
  createCampaign: (body: CampaignCreateInput) =>
    api<CampaignResponse>('/finding/campaigns', { method: 'POST', body }),
  updateCampaign: (id: number, body: CampaignUpdateBody) =>
    api<CampaignResponse>(`/finding/campaigns/${id}`, { method: 'PATCH', body }),
  finders: () => api<FinderListResponse>('/finding/finders'),
  leads: (id: number, f: LeadFilters, cursor: string | undefined) =>
    api<LeadListResponse>(`/finding/campaigns/${id}/leads`, {
      query: { ...f, cursor, limit: LEAD_PAGE_SIZE },
    }),
  createLead: (campaignId: number, body: LeadCreateInput) =>
    api<LeadResponse>(`/finding/campaigns/${campaignId}/leads`, { method: 'POST', body }),
  lead: (id: number) => api<LeadResponse>(`/finding/leads/${id}`),
  updateLead: (id: number, body: LeadUpdateBody) =>
    api<LeadResponse>(`/finding/leads/${id}`, { method: 'PATCH', body }),
  logVisit: (id: number, body: VisitCreateBody) =>
    api<LeadResponse>(`/finding/leads/${id}/visits`, { method: 'POST', body }),
  markFound: (id: number, body: LeadFoundInput) =>
    api<LeadResponse>(`/finding/leads/${id}/found`, { method: 'POST', body }),
  myLeads: (show: string, cursor: string | undefined) =>
    api<LeadListResponse>('/finding/my-leads', { query: { show, cursor, limit: 50 } }),
  progress: (id: number) => api<ProgressResponse>(`/finding/campaigns/${id}/progress`),
  templateUrl: (id: number) => apiUrl(`/finding/campaigns/${id}/leads/template`),
  exportUrl: (id: number, f: LeadFilters) => apiUrl(`/finding/campaigns/${id}/leads/export`, { ...f }),

  /** Uploads a lead list and follows the server's progress stream; all rows are written or none. */
  async importLeads(
    id: number,
    file: File,
    dryRun: boolean,
    onProgress: (p: Progress) => void,
  ): Promise<ImportReport> {
    const form = new FormData();
    form.append('dryRun', String(dryRun));
    form.append('file', file, file.name);
    let response: Response;
    try {
      response = await fetch(apiUrl(`/finding/campaigns/${id}/leads/import`), {
        method: 'POST',
        body: form,
        headers: { Accept: NDJSON },
        credentials: 'same-origin',
      });
    } catch {
      throw networkError();
    }
    if (!response.ok) throw await errorFromResponse(response);
    const type = response.headers.get('content-type') ?? '';
    if (!type.includes('ndjson') || !response.body) return (await response.json()) as ImportReport;
    return readProgressStream<ImportReport>(response.body, onProgress);
  },
};
