import type {
  CommentListResponse,
  CommentModerateBody,
  CommentResponse,
  MemberReportAckInput,
  MemberReportCreateInput,
  MemberReportKind,
  MemberReportListResponse,
  MemberReportResponse,
  MemberReportState,
  MemberReportUpdateInput,
  MyReportsResponse,
  ReflectionCreateInput,
  ReflectionFeatureBody,
  ReflectionListResponse,
  ReflectionResponse,
  ReflectionReviewInput,
  ReflectionState,
  ReflectionSubjectsResponse,
  ReflectionUpdateInput,
} from '@ningxin/shared';
import { api } from '../../lib/api';

export const REFLECTIONS_PAGE_SIZE = 20;

export interface ReflectionFilters {
  state?: ReflectionState | undefined;
  pendingComments?: 'true' | undefined;
  year?: number | undefined;
  q?: string | undefined;
}

export interface ReportFilters {
  year?: number | undefined;
  kind?: MemberReportKind | undefined;
  state?: MemberReportState | undefined;
}

export const reflectionKeys = {
  all: ['reflections'] as const,
  list: (f: ReflectionFilters) => ['reflections', 'list', f] as const,
  one: (id: number) => ['reflections', 'one', id] as const,
  comments: (id: number) => ['reflections', 'one', id, 'comments'] as const,
  mine: ['reflections', 'mine'] as const,
  featured: ['reflections', 'featured'] as const,
  subjects: ['reflections', 'subjects'] as const,
};

export const reportKeys = {
  all: ['member-reports'] as const,
  list: (f: ReportFilters) => ['member-reports', 'list', f] as const,
  one: (id: number) => ['member-reports', 'one', id] as const,
  mine: ['member-reports', 'mine'] as const,
};

export const reflectionsApi = {
  list: (f: ReflectionFilters, cursor: string | undefined, signal?: AbortSignal) =>
    api<ReflectionListResponse>('/reflections', {
      query: { ...f, cursor, limit: REFLECTIONS_PAGE_SIZE },
      ...(signal ? { signal } : {}),
    }),
  mine: () => api<ReflectionListResponse>('/reflections/mine'),
  featured: (limit = 20) => api<ReflectionListResponse>('/reflections/featured', { query: { limit } }),
  subjects: () => api<ReflectionSubjectsResponse>('/reflections/subjects'),
  get: (id: number) => api<ReflectionResponse>(`/reflections/${id}`),
  create: (body: ReflectionCreateInput) => api<ReflectionResponse>('/reflections', { method: 'POST', body }),
  update: (id: number, body: ReflectionUpdateInput) =>
    api<ReflectionResponse>(`/reflections/${id}`, { method: 'PATCH', body }),
  review: (id: number, body: ReflectionReviewInput) =>
    api<ReflectionResponse>(`/reflections/${id}/review`, { method: 'POST', body }),
  feature: (id: number, body: ReflectionFeatureBody) =>
    api<ReflectionResponse>(`/reflections/${id}/feature`, { method: 'POST', body }),
  comments: (id: number) => api<CommentListResponse>(`/reflections/${id}/comments`),
  comment: (id: number, body: string) =>
    api<CommentResponse>(`/reflections/${id}/comments`, { method: 'POST', body: { body } }),
  moderate: (id: number, commentId: number, body: CommentModerateBody) =>
    api<CommentResponse>(`/reflections/${id}/comments/${commentId}/moderate`, { method: 'POST', body }),
};

export const reportsApi = {
  list: (f: ReportFilters, cursor: string | undefined, signal?: AbortSignal) =>
    api<MemberReportListResponse>('/member-reports', {
      query: { ...f, cursor, limit: REFLECTIONS_PAGE_SIZE },
      ...(signal ? { signal } : {}),
    }),
  mine: () => api<MyReportsResponse>('/member-reports/mine'),
  get: (id: number) => api<MemberReportResponse>(`/member-reports/${id}`),
  create: (body: MemberReportCreateInput) =>
    api<MemberReportResponse>('/member-reports', { method: 'POST', body }),
  update: (id: number, body: MemberReportUpdateInput) =>
    api<MemberReportResponse>(`/member-reports/${id}`, { method: 'PATCH', body }),
  acknowledge: (id: number, body: MemberReportAckInput) =>
    api<MemberReportResponse>(`/member-reports/${id}/acknowledge`, { method: 'POST', body }),
};
