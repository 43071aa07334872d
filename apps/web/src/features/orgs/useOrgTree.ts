import { useQuery } from '@tanstack/react-query';
import { orgKeys, orgsApi } from './orgs.api';

export function useOrgTree(includeClosed: boolean) {
  return useQuery({ queryKey: orgKeys.tree(includeClosed), queryFn: () => orgsApi.tree(includeClosed) });
}
