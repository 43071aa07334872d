import type {
  CourseBeatInput,
  CourseBeatResponse,
  CourseCreateInput,
  CourseKind,
  CourseListResponse,
  CourseResponse,
  CourseState,
  CourseStateBody,
  CourseUpdateInput,
  MyCourseResponse,
  MyCoursesResponse,
  QuizAnswerBody,
  QuizResultResponse,
  SeriesCreateBody,
  SeriesListResponse,
  SeriesResponse,
} from '@ningxin/shared';
import { api } from '../../lib/api';

export const COURSES_PAGE_SIZE = 20;

export interface CourseFilters {
  kind?: CourseKind | undefined;
  state?: CourseState | undefined;
  seriesId?: number | undefined;
  q?: string | undefined;
}

export const courseKeys = {
  all: ['courses'] as const,
  list: (f: CourseFilters) => ['courses', 'list', f] as const,
  series: ['courses', 'series'] as const,
  mine: ['courses', 'mine'] as const,
  myOne: (id: number) => ['courses', 'mine', id] as const,
};

export const coursesApi = {
  list: (f: CourseFilters, cursor: string | undefined, signal?: AbortSignal) =>
    api<CourseListResponse>('/courses', {
      query: { ...f, cursor, limit: COURSES_PAGE_SIZE },
      ...(signal ? { signal } : {}),
    }),
  create: (body: CourseCreateInput) => api<CourseResponse>('/courses', { method: 'POST', body }),
  update: (id: number, body: CourseUpdateInput) =>
    api<CourseResponse>(`/courses/${id}`, { method: 'PATCH', body }),
  changeState: (id: number, body: CourseStateBody) =>
    api<CourseResponse>(`/courses/${id}/state`, { method: 'POST', body }),
  series: () => api<SeriesListResponse>('/courses/series'),
  createSeries: (body: SeriesCreateBody) => api<SeriesResponse>('/courses/series', { method: 'POST', body }),
  mine: () => api<MyCoursesResponse>('/courses/mine'),
  myOne: (id: number) => api<MyCourseResponse>(`/courses/mine/${id}`),
  beat: (id: number, body: CourseBeatInput) =>
    api<CourseBeatResponse>(`/courses/${id}/progress`, { method: 'POST', body }),
  answerQuiz: (id: number, body: QuizAnswerBody) =>
    api<QuizResultResponse>(`/courses/${id}/quiz`, { method: 'POST', body }),
};
