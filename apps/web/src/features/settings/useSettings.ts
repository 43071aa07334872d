import type { SettingListResponse, SettingResponse } from '@ningxin/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { SETTINGS_QUERY_KEY, settingsApi } from './settings.api';

/** Every setting with its value, default and who changed it. */
export function useSettings() {
  return useQuery({ queryKey: SETTINGS_QUERY_KEY, queryFn: settingsApi.list });
}

/** Puts a setting the server answered with into the list, then reloads the list. */
export function useSettingSaved() {
  const queryClient = useQueryClient();
  return useCallback(
    (setting: SettingResponse) => {
      queryClient.setQueryData<SettingListResponse>(SETTINGS_QUERY_KEY, (list) =>
        list ? { items: list.items.map((s) => (s.key === setting.key ? setting : s)) } : list,
      );
      return queryClient.invalidateQueries({ queryKey: SETTINGS_QUERY_KEY });
    },
    [queryClient],
  );
}

export function useInvalidateSettings() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: SETTINGS_QUERY_KEY }), [queryClient]);
}
