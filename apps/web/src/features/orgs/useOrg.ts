import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { orgKeys, orgsApi } from './orgs.api';

/** One org's details. While another org loads, the previous one stays (marked as placeholder). */
export function useOrg(id: number | null) {
  return useQuery({
    queryKey: orgKeys.detail(id ?? 0),
    queryFn: () => orgsApi.get(id ?? 0),
    enabled: id !== null,
    placeholderData: keepPreviousData,
  });
}
