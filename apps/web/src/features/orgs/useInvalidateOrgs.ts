import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { orgKeys } from './orgs.api';

/** Reloads every org query (tree and details) after a write or a version conflict. */
export function useInvalidateOrgs() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: orgKeys.all }), [queryClient]);
}
