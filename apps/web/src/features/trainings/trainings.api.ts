import type {
  ApplyInput,
  CompleteInput,
  CompleteResponse,
  EnrolmentListResponse,
  EnrolmentResponse,
  EnrolmentsResponse,
  MyTrainingsResponse,
  NominateInput,
  SessionAttendanceBody,
  SessionAttendanceResponse,
  SignInCodeResponse,
  TrainingCreateInput,
  TrainingKind,
  TrainingListResponse,
  TrainingResponse,
  TrainingSessionCreateInput,
  TrainingSessionListResponse,
  TrainingSessionResponse,
  TrainingState,
  TrainingStateBody,
  TrainingUpdateInput,
  WithdrawInput,
} from '@ningxin/shared';
import { api } from '../../lib/api';
import { downloadPdf } from '../../lib/download';

export const TRAININGS_PAGE_SIZE = 20;

export interface TrainingFilters {
  kind?: TrainingKind | undefined;
  state?: TrainingState | undefined;
  year?: number | undefined;
  q?: string | undefined;
}

export const trainingKeys = {
  all: ['trainings'] as const,
  list: (f: TrainingFilters) => ['trainings', 'list', f] as const,
  one: (id: number) => ['trainings', 'one', id] as const,
  enrolments: (id: number) => ['trainings', 'one', id, 'enrolments'] as const,
  sessions: (id: number) => ['trainings', 'one', id, 'sessions'] as const,
  attendance: (sessionId: number) => ['trainings', 'attendance', sessionId] as const,
  code: (sessionId: number) => ['trainings', 'code', sessionId] as const,
  mine: ['trainings', 'mine'] as const,
};

export const trainingsApi = {
  list: (f: TrainingFilters, cursor: string | undefined, signal?: AbortSignal) =>
    api<TrainingListResponse>('/trainings', {
      query: { ...f, cursor, limit: TRAININGS_PAGE_SIZE },
      ...(signal ? { signal } : {}),
    }),
  get: (id: number) => api<TrainingResponse>(`/trainings/${id}`),
  create: (body: TrainingCreateInput) => api<TrainingResponse>('/trainings', { method: 'POST', body }),
  update: (id: number, body: TrainingUpdateInput) =>
    api<TrainingResponse>(`/trainings/${id}`, { method: 'PATCH', body }),
  changeState: (id: number, body: TrainingStateBody) =>
    api<TrainingResponse>(`/trainings/${id}/state`, { method: 'POST', body }),
  enrolments: (id: number) =>
    api<EnrolmentListResponse>(`/trainings/${id}/enrolments`, { query: { limit: 500 } }),
  nominate: (id: number, body: NominateInput) =>
    api<EnrolmentsResponse>(`/trainings/${id}/enrolments`, { method: 'POST', body }),
  withdraw: (id: number, enrolmentId: number, body: WithdrawInput) =>
    api<EnrolmentResponse>(`/trainings/${id}/enrolments/${enrolmentId}/withdraw`, { method: 'POST', body }),
  complete: (id: number, body: CompleteInput) =>
    api<CompleteResponse>(`/trainings/${id}/complete`, { method: 'POST', body }),
  certificate: (id: number, enrolmentId: number) =>
    downloadPdf(
      `/trainings/${id}/enrolments/${enrolmentId}/certificate.pdf`,
      `certificate-${enrolmentId}.pdf`,
    ),
  sessions: (id: number) => api<TrainingSessionListResponse>(`/trainings/${id}/sessions`),
  createSession: (id: number, body: TrainingSessionCreateInput) =>
    api<TrainingSessionResponse>(`/trainings/${id}/sessions`, { method: 'POST', body }),
  deleteSession: (id: number, sessionId: number) =>
    api<void>(`/trainings/${id}/sessions/${sessionId}`, { method: 'DELETE' }),
  attendance: (sessionId: number) =>
    api<SessionAttendanceResponse>(`/trainings/sessions/${sessionId}/attendance`),
  recordAttendance: (sessionId: number, body: SessionAttendanceBody) =>
    api<SessionAttendanceResponse>(`/trainings/sessions/${sessionId}/attendance`, { method: 'PUT', body }),
  signInCode: (sessionId: number) => api<SignInCodeResponse>(`/trainings/sessions/${sessionId}/sign-in-code`),
  mine: () => api<MyTrainingsResponse>('/trainings/mine'),
  apply: (id: number, body: ApplyInput) =>
    api<EnrolmentResponse>(`/trainings/${id}/apply`, { method: 'POST', body }),
  withdrawOwn: (id: number) =>
    api<EnrolmentResponse>(`/trainings/${id}/withdraw`, { method: 'POST', body: {} }),
  myCertificate: (enrolmentId: number) =>
    downloadPdf(`/trainings/mine/certificates/${enrolmentId}.pdf`, `certificate-${enrolmentId}.pdf`),
};
