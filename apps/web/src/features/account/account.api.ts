import type { ChangePasswordBody, SessionResponse } from '@ningxin/shared';
import { api } from '../../lib/api';

export const SESSIONS_QUERY_KEY = ['auth', 'sessions'] as const;

export const accountApi = {
  // A wrong current password is a form error here, not a lost session: no redirect on 401.
  changePassword: (body: ChangePasswordBody) =>
    api<void>('/auth/password', { method: 'POST', body, redirectOn401: false }),
  sessions: () => api<{ items: SessionResponse[] }>('/auth/sessions'),
  revokeSession: (id: number) => api<void>(`/auth/sessions/${id}`, { method: 'DELETE' }),
};
