import type { RoleAssignBody, UserCreateBody, UserResponse } from '@ningxin/shared';
import { api } from '../../lib/api';

export const USERS_QUERY_KEY = ['users'] as const;

export const usersApi = {
  list: () => api<{ items: UserResponse[] }>('/users'),
  create: (body: UserCreateBody) => api<UserResponse>('/users', { method: 'POST', body }),
  resetPassword: (id: number, password: string) =>
    api<unknown>(`/users/${id}/reset-password`, { method: 'POST', body: { password } }),
  unlock: (id: number) => api<unknown>(`/users/${id}/unlock`, { method: 'POST' }),
  resetTwoFactor: (id: number) => api<unknown>(`/users/${id}/two-factor/reset`, { method: 'POST' }),
  assignRole: (id: number, body: RoleAssignBody) =>
    api<unknown>(`/users/${id}/roles`, { method: 'POST', body }),
  removeRole: (id: number, assignmentId: number) =>
    api<unknown>(`/users/${id}/roles/${assignmentId}`, { method: 'DELETE' }),
};
