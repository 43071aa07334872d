import type {
  FileListQuery,
  FileListResponse,
  FileOwnerType,
  FilePurpose,
  FileResponse,
} from '@ningxin/shared';
import { ApiError, api, apiUrl, errorFromResponse, networkError } from '../../lib/api';

/** The record files belong to. */
export interface FileOwnerRef {
  ownerType: FileOwnerType;
  ownerId: number;
}

export const fileKeys = {
  all: ['files'] as const,
  owner: (owner: FileOwnerRef) => ['files', owner.ownerType, owner.ownerId] as const,
  list: (owner: FileOwnerRef, purpose: FilePurpose | undefined) =>
    ['files', owner.ownerType, owner.ownerId, purpose ?? 'all'] as const,
};

export interface UploadOptions extends FileOwnerRef {
  purpose: FilePurpose;
  file: File;
  /** The share of the file sent so far, 0 to 100. */
  onProgress: (percent: number) => void;
  signal?: AbortSignal;
}

/**
 * Sends a file to POST /files, telling how much of it has gone (fetch cannot tell that, so this
 * is an XMLHttpRequest). The fields go first: the server checks them before it reads the file.
 */
export function uploadFile({ ownerType, ownerId, purpose, file, onProgress, signal }: UploadOptions) {
  const form = new FormData();
  form.append('ownerType', ownerType);
  form.append('ownerId', String(ownerId));
  form.append('purpose', purpose);
  form.append('file', file, file.name);
  return new Promise<FileResponse>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl('/files'));
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.min(100, Math.round((event.loaded / event.total) * 100)));
    };
    xhr.onload = () => {
      const response = new Response(xhr.responseText || null, {
        status: xhr.status,
        headers: { 'content-type': xhr.getResponseHeader('content-type') ?? 'application/json' },
      });
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(JSON.parse(xhr.responseText) as FileResponse);
      } else {
        errorFromResponse(response).then(reject, reject);
      }
    };
    xhr.onerror = () => reject(networkError());
    xhr.onabort = () => reject(new DOMException('上传已取消', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

export const filesApi = {
  list: (query: FileListQuery) =>
    api<FileListResponse>('/files', {
      query: { ownerType: query.ownerType, ownerId: query.ownerId, purpose: query.purpose },
    }),
  remove: (id: number) => api<void>(`/files/${id}`, { method: 'DELETE' }),
};

/** A file the server refused before it was stored (its problem, for a message). */
export const isRefusedFile = (error: unknown): error is ApiError =>
  error instanceof ApiError && (error.status === 400 || error.status === 413);
