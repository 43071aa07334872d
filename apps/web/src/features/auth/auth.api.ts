import type { Action, LoginBody, MeResponse } from '@ningxin/shared';
import { api, isApiError } from '../../lib/api';

export const ME_QUERY_KEY = ['auth', 'me'] as const;

/** The signed-in user, or null when there is no valid session. */
export async function fetchMe(): Promise<MeResponse | null> {
  try {
    return await api<MeResponse>('/auth/me', { redirectOn401: false });
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export function login(body: LoginBody): Promise<unknown> {
  return api<unknown>('/auth/login', { method: 'POST', body, redirectOn401: false });
}

export function logout(): Promise<void> {
  return api<void>('/auth/logout', { method: 'POST', redirectOn401: false });
}

export function hasPermission(me: MeResponse | null | undefined, action: Action): boolean {
  return me?.permissions.includes(action) ?? false;
}
