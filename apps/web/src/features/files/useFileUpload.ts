import type { FilePurpose, FileResponse } from '@ningxin/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type FileOwnerRef, uploadFile } from './files.api';

export interface UploadState {
  /** The file being sent, or null. */
  name: string | null;
  /** How much of it has gone, 0 to 100 (100 while the server stores it). */
  percent: number;
}

/** Sends files of a record one at a time, with their progress; a page left mid-upload cancels it. */
export function useFileUpload(owner: FileOwnerRef) {
  const [state, setState] = useState<UploadState>({ name: null, percent: 0 });
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const upload = useCallback(
    async (purpose: FilePurpose, file: File): Promise<FileResponse> => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      setState({ name: file.name, percent: 0 });
      try {
        return await uploadFile({
          ...owner,
          purpose,
          file,
          signal: abort.signal,
          onProgress: (percent) => setState({ name: file.name, percent }),
        });
      } finally {
        if (controller.current === abort) {
          controller.current = null;
          setState({ name: null, percent: 0 });
        }
      }
    },
    [owner],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { ...state, uploading: state.name !== null, upload, cancel };
}
