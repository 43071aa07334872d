import type {
  ChangePasswordBody,
  SessionResponse,
  TwoFactorDisableBody,
  TwoFactorEnableBody,
  TwoFactorEnableResponse,
  TwoFactorSetupResponse,
} from '@ningxin/shared';
import { api } from '../../lib/api';

export const SESSIONS_QUERY_KEY = ['auth', 'sessions'] as const;

export const accountApi = {
  // A wrong current password is a form error here, not a lost session: no redirect on 401.
  changePassword: (body: ChangePasswordBody) =>
    api<void>('/auth/password', { method: 'POST', body, redirectOn401: false }),
  sessions: () => api<{ items: SessionResponse[] }>('/auth/sessions'),
  revokeSession: (id: number) => api<void>(`/auth/sessions/${id}`, { method: 'DELETE' }),
  twoFactorSetup: () => api<TwoFactorSetupResponse>('/auth/two-factor/setup', { method: 'POST' }),
  enableTwoFactor: (body: TwoFactorEnableBody) =>
    api<TwoFactorEnableResponse>('/auth/two-factor/enable', { method: 'POST', body }),
  // A wrong password is a form error here, as in the password change.
  disableTwoFactor: (body: TwoFactorDisableBody) =>
    api<void>('/auth/two-factor/disable', { method: 'POST', body, redirectOn401: false }),
};
