import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { memberKeys, membersApi } from './members.api';

export function useMember(id: number) {
  return useQuery({ queryKey: memberKeys.detail(id), queryFn: () => membersApi.get(id), enabled: id > 0 });
}

export function useMemberHistory(id: number, enabled: boolean) {
  return useQuery({
    queryKey: memberKeys.history(id),
    queryFn: () => membersApi.history(id),
    enabled: enabled && id > 0,
  });
}

/** Reloads every member query (lists, records, histories) after a write or a version conflict. */
export function useInvalidateMembers() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: memberKeys.all }), [queryClient]);
}
