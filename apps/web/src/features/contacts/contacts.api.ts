import type {
  ContactCreateInput,
  ContactItem,
  ContactListResponse,
  ContactsOverviewResponse,
  FeedbackItem,
  FeedbackListResponse,
  FeedbackSendResponse,
  FlagItem,
  FlagKind,
  FlagListResponse,
  FlagState,
  MemberListResponse,
} from '@ningxin/shared';
import { api, apiUrl } from '../../lib/api';

export const CONTACTS_PAGE_SIZE = 20;

/** The contact log sits under the members' keys: adding an entry reloads the member too (last contact, 履历). */
export const contactKeys = {
  log: (memberId: number) => ['members', 'contacts', memberId] as const,
  flags: (state: FlagState, kind: FlagKind | null) => ['contacts', 'flags', state, kind ?? 'all'] as const,
  overview: ['contacts', 'overview'] as const,
  members: (query: { status?: string; q?: string }) => ['members', 'contacts-view', query] as const,
  feedback: (year: number, county: string | null) => ['contacts', 'feedback', year, county ?? 'all'] as const,
  all: ['contacts'] as const,
};

export const contactsApi = {
  log: (memberId: number, cursor: string | undefined, signal?: AbortSignal) =>
    api<ContactListResponse>(`/members/${memberId}/contacts`, {
      query: { limit: CONTACTS_PAGE_SIZE, cursor },
      signal,
    }),
  add: (memberId: number, body: ContactCreateInput) =>
    api<ContactItem>(`/members/${memberId}/contacts`, { method: 'POST', body }),
  flags: (state: FlagState, kind: FlagKind | null, cursor: string | undefined, signal?: AbortSignal) =>
    api<FlagListResponse>('/contacts/flags', { query: { state, kind, cursor, limit: 50 }, signal }),
  resolve: (id: number, resolution: string) =>
    api<FlagItem>(`/contacts/flags/${id}/resolve`, { method: 'POST', body: { resolution } }),
  overview: () => api<ContactsOverviewResponse>('/contacts/overview'),
  /** Members in the user's scope through the member list (the lost ones, or a search), by name. */
  members: (query: { status?: string; q?: string }, cursor: string | undefined, signal?: AbortSignal) =>
    api<MemberListResponse>('/members', {
      query: { ...query, sort: 'name', order: 'asc', limit: 30, cursor },
      signal,
    }),
  feedback: (year: number, county: string | null, cursor: string | undefined, signal?: AbortSignal) =>
    api<FeedbackListResponse>('/feedback', { query: { year, county, cursor, limit: 50 }, signal }),
  comment: (memberId: number, year: number, comment: string | null, version: number) =>
    api<FeedbackItem>(`/feedback/${memberId}/${year}`, { method: 'PUT', body: { comment, version } }),
  send: (year: number, county: string) =>
    api<FeedbackSendResponse>('/feedback/send', { method: 'POST', body: { year, county } }),
};

export const feedbackPdfUrl = (memberId: number, year: number) => apiUrl(`/feedback/${memberId}/${year}.pdf`);
export const feedbackWorkbookUrl = (year: number, county: string) =>
  apiUrl('/feedback/workbook', { year, county });
/** Where the finding campaigns take a lost member in as a lead (转为线索). */
export const leadFromMemberPath = (memberId: number) => `/finding/campaigns?fromMember=${memberId}`;
