import type { MeResponse } from '@ningxin/shared';
import { useQuery } from '@tanstack/react-query';
import { fetchMe, ME_QUERY_KEY } from './auth.api';

/** The signed-in user (null when signed out), shared by every component through the query cache. */
export function useMe() {
  return useQuery<MeResponse | null>({
    queryKey: ME_QUERY_KEY,
    queryFn: fetchMe,
    staleTime: 60_000,
    retry: false,
  });
}

/** The signed-in user inside the authenticated layout, where it is known to be loaded. */
export function useCurrentUser(): MeResponse {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser used outside an authenticated route');
  return data;
}
