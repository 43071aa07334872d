import type {
  ChallengeResponse,
  DivisionsResponse,
  RegistrationAcceptBody,
  RegistrationDuplicateBody,
  RegistrationListQuery,
  RegistrationListResponse,
  RegistrationResponse,
  RegistrationReturnBody,
  RegistrationState,
  RegistrationStatusBody,
  RegistrationStatusResponse,
  RegistrationSubmitInput,
  RegistrationSubmitResponse,
} from '@ningxin/shared';
import { api, apiUrl } from '../../lib/api';

// The public side: no session; a 401 never redirects (there is none to lose).
const open = { redirectOn401: false } as const;

export const fetchPublicDivisions = () => api<DivisionsResponse>('/public/divisions', open);
export const fetchChallenge = () => api<ChallengeResponse>('/public/challenge', open);

export const submitRegistration = (body: RegistrationSubmitInput) =>
  api<RegistrationSubmitResponse>('/public/registrations', { ...open, method: 'POST', body });

export const checkRegistrationStatus = (body: RegistrationStatusBody) =>
  api<RegistrationStatusResponse>('/public/registrations/status', { ...open, method: 'POST', body });

// The review queue.
export const fetchRegistrations = (
  q: Partial<Pick<RegistrationListQuery, 'limit' | 'cursor'>> & { state: RegistrationState },
  signal?: AbortSignal,
) => api<RegistrationListResponse>('/registrations', { query: q, ...(signal ? { signal } : {}) });

export const fetchRegistration = (id: number) => api<RegistrationResponse>(`/registrations/${id}`);

export const acceptRegistration = (id: number, body: RegistrationAcceptBody) =>
  api<RegistrationResponse>(`/registrations/${id}/accept`, { method: 'POST', body });

export const returnRegistration = (id: number, body: RegistrationReturnBody) =>
  api<RegistrationResponse>(`/registrations/${id}/return`, { method: 'POST', body });

export const markDuplicate = (id: number, body: RegistrationDuplicateBody) =>
  api<RegistrationResponse>(`/registrations/${id}/duplicate`, { method: 'POST', body });

export const posterUrl = () => apiUrl('/registrations/poster.pdf');
