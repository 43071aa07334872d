import type {
  MemberStudyHoursResponse,
  OrgStudyHoursResponse,
  StudyBoardResponse,
  StudyBoardSort,
  StudyRecordCreateBody,
  StudyRecordListResponse,
  StudyRecordResponse,
} from '@ningxin/shared';
import { api, apiUrl } from '../../lib/api';

export interface StudyFilters {
  year: number;
  orgId?: number | undefined;
}

export interface BoardOrder {
  sort: StudyBoardSort;
  order: 'asc' | 'desc';
}

export const studyKeys = {
  all: ['study'] as const,
  board: (f: StudyFilters, o: BoardOrder) => ['study', 'board', f, o] as const,
  orgs: (f: StudyFilters) => ['study', 'orgs', f] as const,
  records: (f: StudyFilters) => ['study', 'records', f] as const,
  member: (id: number, year: number) => ['study', 'member', id, year] as const,
  mine: (year: number) => ['study', 'mine', year] as const,
};

export const studyApi = {
  board: (f: StudyFilters, o: BoardOrder, cursor: string | undefined, signal?: AbortSignal) =>
    api<StudyBoardResponse>('/study/board', { query: { ...f, ...o, cursor, limit: 50 }, signal }),
  exportUrl: (f: StudyFilters) => apiUrl('/study/board/export', { ...f }),
  orgs: (f: StudyFilters) => api<OrgStudyHoursResponse>('/study/hours', { query: { ...f } }),
  member: (id: number, year: number) =>
    api<MemberStudyHoursResponse>(`/study/hours/members/${id}`, { query: { year } }),
  mine: (year: number) => api<MemberStudyHoursResponse>('/study/hours/mine', { query: { year } }),
  records: (f: StudyFilters, cursor: number | undefined, signal?: AbortSignal) =>
    api<StudyRecordListResponse>('/study/records', { query: { ...f, cursor, limit: 50 }, signal }),
  record: (body: StudyRecordCreateBody) =>
    api<StudyRecordResponse>('/study/records', { method: 'POST', body }),
  removeRecord: (id: number) => api<void>(`/study/records/${id}`, { method: 'DELETE' }),
};
