import type { FilePurpose } from '@ningxin/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { type FileOwnerRef, fileKeys, filesApi } from './files.api';

/** The files of a record (of one purpose), newest first, with what the user may do with them. */
export function useFiles(owner: FileOwnerRef, purpose?: FilePurpose) {
  return useQuery({
    queryKey: fileKeys.list(owner, purpose),
    queryFn: () => filesApi.list({ ...owner, purpose }),
    enabled: owner.ownerId > 0,
  });
}

/** Reloads the file lists of a record after an upload or a deletion. */
export function useInvalidateFiles(owner: FileOwnerRef) {
  const queryClient = useQueryClient();
  return useCallback(
    () => queryClient.invalidateQueries({ queryKey: fileKeys.owner(owner) }),
    [queryClient, owner],
  );
}
