import type { SettingKey, SettingListResponse, SettingResponse } from '@ningxin/shared';
import { api } from '../../lib/api';

export const SETTINGS_QUERY_KEY = ['settings'] as const;

export const settingsApi = {
  list: () => api<SettingListResponse>('/settings'),
  update: (key: SettingKey, value: unknown, version: number) =>
    api<SettingResponse>(`/settings/${key}`, { method: 'PUT', body: { value, version } }),
  reset: (key: SettingKey) => api<SettingResponse>(`/settings/${key}`, { method: 'DELETE' }),
};
