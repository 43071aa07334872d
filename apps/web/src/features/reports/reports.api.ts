import type { FeedbackRun } from '@ningxin/shared';
import { api, apiUrl } from '../../lib/api';

export const reportsKeys = {
  runs: ['reports', 'feedback-runs'] as const,
  run: (id: string) => ['reports', 'feedback-runs', id] as const,
};

export const reportsApi = {
  startRun: (year: number) =>
    api<FeedbackRun>('/stats/reports/feedback-runs', { method: 'POST', body: { year } }),
  runs: () => api<{ items: FeedbackRun[] }>('/stats/reports/feedback-runs'),
  run: (id: string) => api<FeedbackRun>(`/stats/reports/feedback-runs/${id}`),
};

export const annualReportUrl = (year: number, orgId?: number) =>
  apiUrl('/stats/reports/annual.xlsx', { year, orgId });
export const feedbackWorkbookUrl = (id: string) => apiUrl(`/stats/reports/feedback-runs/${id}/workbook.xlsx`);
export const feedbackCountyPdfUrl = (id: string, county: string) =>
  apiUrl(`/stats/reports/feedback-runs/${id}/counties/${county}.pdf`);

/** Whether a run is still being made (the page polls it). */
export const inProgress = (run: FeedbackRun) => run.state === 'queued' || run.state === 'running';
