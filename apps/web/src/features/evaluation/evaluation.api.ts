import type {
  EvaluationAnswerBody,
  EvaluationAppealsResponse,
  EvaluationBallotBody,
  EvaluationCodesResponse,
  EvaluationCreateInput,
  EvaluationGrade,
  EvaluationGradesBody,
  EvaluationListResponse,
  EvaluationMineResponse,
  EvaluationParticipantsResponse,
  EvaluationPeerBody,
  EvaluationPeerReviewsResponse,
  EvaluationRoundResponse,
  EvaluationSelfBody,
  EvaluationVotedResponse,
  PublicBallotBody,
  PublicBallotLookupResponse,
} from '@ningxin/shared';
import { api } from '../../lib/api';
import { downloadPdf } from '../../lib/download';

export const evaluationKeys = {
  all: ['evaluations'] as const,
  list: (year: number) => ['evaluations', 'list', year] as const,
  round: (id: number) => ['evaluations', 'round', id] as const,
  participants: (id: number) => ['evaluations', 'participants', id] as const,
  reviews: (id: number) => ['evaluations', 'reviews', id] as const,
  appeals: (id: number) => ['evaluations', 'appeals', id] as const,
  mine: ['evaluations', 'mine'] as const,
};

const open = { redirectOn401: false } as const;
const base = '/evaluations';

export const evaluationApi = {
  list: (year: number) => api<EvaluationListResponse>(base, { query: { year } }),
  create: (body: EvaluationCreateInput) => api<EvaluationRoundResponse>(base, { method: 'POST', body }),
  round: (id: number) => api<EvaluationRoundResponse>(`${base}/${id}`),
  participants: (id: number) => api<EvaluationParticipantsResponse>(`${base}/${id}/participants`),
  reviews: (id: number) => api<EvaluationPeerReviewsResponse>(`${base}/${id}/peer-reviews`),
  appeals: (id: number) => api<EvaluationAppealsResponse>(`${base}/${id}/appeals`),
  step: (id: number, version: number, to: 'self' | 'peer' | 'voting') =>
    api<EvaluationRoundResponse>(`${base}/${id}/step`, { method: 'POST', body: { version, to } }),
  setModes: (id: number, version: number, codeMemberIds: number[]) =>
    api<EvaluationRoundResponse>(`${base}/${id}/participants/ballot-modes`, {
      method: 'PUT',
      body: { version, codeMemberIds },
    }),
  codes: (id: number, count: number) =>
    api<EvaluationCodesResponse>(`${base}/${id}/codes`, { method: 'POST', body: { count } }),
  slips: (id: number, codes: string[]) =>
    downloadPdf(`${base}/${id}/codes/slips`, 'ballot-codes.pdf', {
      method: 'POST',
      body: JSON.stringify({ codes }),
    }),
  count: (id: number, version: number) =>
    api<EvaluationRoundResponse>(`${base}/${id}/count`, { method: 'POST', body: { version } }),
  grades: (id: number, body: EvaluationGradesBody) =>
    api<EvaluationRoundResponse>(`${base}/${id}/grades`, { method: 'PUT', body }),
  answer: (id: number, appealId: number, body: EvaluationAnswerBody) =>
    api<EvaluationAppealsResponse>(`${base}/${id}/appeals/${appealId}/answer`, { method: 'POST', body }),
  mine: () => api<EvaluationMineResponse>(`${base}/mine`),
  self: (id: number, body: EvaluationSelfBody) =>
    api<EvaluationMineResponse>(`${base}/${id}/self`, { method: 'PUT', body }),
  peer: (id: number, memberId: number, body: EvaluationPeerBody) =>
    api<EvaluationMineResponse>(`${base}/${id}/peer-reviews/${memberId}`, { method: 'PUT', body }),
  vote: (id: number, body: EvaluationBallotBody) =>
    api<EvaluationVotedResponse>(`${base}/${id}/ballots`, { method: 'POST', body }),
  appeal: (id: number, reason: string) =>
    api<EvaluationMineResponse>(`${base}/${id}/appeals`, { method: 'POST', body: { reason } }),
  lookupBallot: (code: string) =>
    api<PublicBallotLookupResponse>('/public/evaluation-ballot', { ...open, method: 'POST', body: { code } }),
  castBallot: (body: PublicBallotBody) =>
    api<EvaluationVotedResponse>('/public/evaluation-ballots', { ...open, method: 'POST', body }),
};

/** The tag colour of each grade. */
export const GRADE_COLORS: Record<EvaluationGrade, string> = {
  excellent: 'gold',
  qualified: 'green',
  basic: 'orange',
  unqualified: 'red',
};
