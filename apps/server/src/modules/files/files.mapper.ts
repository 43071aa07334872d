import {
  FILE_PURPOSE_INFO,
  FILE_TYPES,
  type FileOwnerType,
  type FilePurpose,
  type FileResponse,
  isFileMime,
} from '@ningxin/shared';
import type { FileRow } from './files.repository';
import type { ByteRange } from './files.stream';

export const fileUrl = (id: number) => `/api/v1/files/${id}`;

export function mapFile(row: FileRow, uploaderName: string | null): FileResponse {
  const purpose = row.purpose as FilePurpose;
  return {
    id: row.id,
    ownerType: row.ownerType as FileOwnerType,
    ownerId: Number(row.ownerId),
    purpose,
    purposeLabel: FILE_PURPOSE_INFO[purpose]?.label ?? row.purpose,
    name: row.name,
    mime: row.mime,
    typeLabel: isFileMime(row.mime) ? FILE_TYPES[row.mime].label : row.mime,
    size: row.size,
    sha256: row.sha256,
    createdAt: row.createdAt.toISOString(),
    uploaderName,
    url: fileUrl(row.id),
  };
}

/** What the audit log keeps of a file: enough to recognize it, nothing of its content. */
export const auditView = (row: FileRow) => ({
  fileId: row.id,
  name: row.name,
  purpose: row.purpose,
  mime: row.mime,
  size: row.size,
  sha256: row.sha256,
});

/** A file's strong validator: its content hash (a file's content never changes). */
export const etagOf = (row: Pick<FileRow, 'sha256'>) => `"${row.sha256}"`;

/** `%XX` for every byte outside RFC 5987's attr-char (encodeURIComponent leaves `'()*` as they are). */
const encodeExtValue = (value: string) =>
  encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * Content-Disposition of a download: the stored name (Chinese and all) as RFC 5987's
 * `filename*`, and an ASCII name for clients that read only `filename`.
 */
export function contentDisposition(row: Pick<FileRow, 'id' | 'name' | 'mime'>): string {
  const extension = isFileMime(row.mime) ? FILE_TYPES[row.mime].extensions[0] : 'bin';
  return `attachment; filename="file-${row.id}.${extension}"; filename*=UTF-8''${encodeExtValue(row.name)}`;
}

/** A browser may keep a copy, but asks each time whether it may still show it (the scope is checked again). */
export const DOWNLOAD_CACHE = 'private, no-cache';

/** The headers of a download answer (200, 206, 304 or 416). */
export function downloadHeaders(row: FileRow, range: ByteRange): Record<string, string> {
  const headers: Record<string, string> = {
    'accept-ranges': 'bytes',
    etag: etagOf(row),
    'cache-control': DOWNLOAD_CACHE,
    'content-type': row.mime,
    'content-disposition': contentDisposition(row),
  };
  if (range.kind === 'outside') return { ...headers, 'content-range': `bytes */${row.size}` };
  if (range.kind === 'part') {
    headers['content-range'] = `bytes ${range.start}-${range.end}/${row.size}`;
    headers['content-length'] = String(range.end - range.start + 1);
  } else {
    headers['content-length'] = String(row.size);
  }
  return headers;
}
