import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { USERS_QUERY_KEY, usersApi } from './users.api';

export function useUsers() {
  return useQuery({ queryKey: USERS_QUERY_KEY, queryFn: usersApi.list });
}

export function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: USERS_QUERY_KEY }), [queryClient]);
}
