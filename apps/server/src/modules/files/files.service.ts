import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  type FileListQuery,
  type FileListResponse,
  type FileOwnerType,
  type FileResponse,
  FileUploadFields,
} from '@ningxin/shared';
import type { Db, Executor } from '../../db/client';
import { AppError, validationFailed } from '../../lib/errors';
import type { Extensions } from '../../lib/modules';
import type { Upload } from '../../lib/upload';
import type { Actor } from '../../policy/policy';
import { type AuditEvent, audited, type DisplayNames, recordAudit } from '../audit/audit.service';
import { checkContent } from './files.content';
import { fileEmpty, fileNotFound, ownerTypeUnsupported } from './files.errors';
import { auditView, DOWNLOAD_CACHE, downloadHeaders, etagOf, mapFile } from './files.mapper';
import type { FileAccess, FileOwner } from './files.owners';
import { type FileRow, filesRepository } from './files.repository';
import { type ByteRange, CHUNK_BYTES, chunkStream, fixedChunks, parseRange } from './files.stream';

export interface FilesDeps {
  db: Db;
  extensions: Extensions;
  /** Display names of accounts (the users module's), for who uploaded a file. */
  displayNames: DisplayNames;
  /** The committee's upload limit in bytes (the settings module's `upload.maxBytes`). */
  uploadLimit: () => Promise<number>;
}

/** What a download asked for, from its request headers. */
export interface DownloadRequest {
  range?: string | undefined;
  ifRange?: string | undefined;
  ifNoneMatch?: string | undefined;
  /** A HEAD request: the headers only (not audited). */
  headOnly: boolean;
}

/** A download's answer: status, headers and the content as a stream (null for none). */
export interface Download {
  status: 200 | 206 | 304 | 416;
  headers: Record<string, string>;
  body: Readable | null;
}

/** The most files one list returns (a record's files are a few dozen). */
const LIST_LIMIT = 500;

/** The text fields of an upload, or a 400 naming each one at fault. */
function parseFields(raw: Record<string, string>): FileUploadFields {
  const parsed = FileUploadFields.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw validationFailed(
    parsed.error.issues.map((issue) => {
      const path = String(issue.path[0] ?? 'file');
      const missing = raw[path] === undefined && path !== 'file';
      return { path, message: missing ? `缺少 ${path} 字段（须在文件之前发送）` : issue.message };
    }),
  );
}

/** Whether a request for `etag` is answered by `header` (If-None-Match, If-Range lists). */
const matches = (header: string | undefined, etag: string): boolean =>
  (header ?? '').split(',').some((tag) => {
    const t = tag.trim().replace(/^W\//, '');
    return t === '*' || t === etag;
  });

export function createFilesService({ db, extensions, displayNames, uploadLimit }: FilesDeps) {
  function ownerOf(type: FileOwnerType | string): FileOwner {
    const owner = extensions.all('files.owners').find((o) => o.type === type);
    if (!owner) throw ownerTypeUnsupported();
    return owner;
  }

  /** The owner of a stored file, checked for the actor's access to it; 403/404 as the owner says. */
  async function authorizeFile(executor: Executor, actor: Actor, row: FileRow, access: FileAccess) {
    const owner = ownerOf(row.ownerType);
    const { label } = await owner.authorize(executor, actor, Number(row.ownerId), access);
    return { owner, label };
  }

  /** Whether the actor may `access` the record (false on the owner's 403 or 404). */
  async function may(owner: FileOwner, actor: Actor, ownerId: number, access: FileAccess) {
    try {
      await owner.authorize(db, actor, ownerId, access);
      return true;
    } catch (err) {
      if (err instanceof AppError && (err.status === 403 || err.status === 404)) return false;
      throw err;
    }
  }

  /** An audit entry about a file: its record is the target. */
  const fileEvent = (
    row: FileRow,
    label: string,
    event: Pick<AuditEvent, 'action' | 'before' | 'after'>,
  ) => ({
    targetType: row.ownerType,
    targetId: row.ownerId,
    targetLabel: label,
    ...event,
  });

  async function present(row: FileRow): Promise<FileResponse> {
    const names = await displayNames(db, [row.uploadedBy]);
    return mapFile(row, row.uploadedBy === null ? null : (names.get(row.uploadedBy) ?? null));
  }

  return {
    uploadLimit,

    /**
     * Stores an upload: the fields say whose file it is (checked before a byte of content is
     * read), the first chunk says what it is, then the content goes into `file_chunks` chunk by
     * chunk while its size and SHA-256 are counted. One transaction: a file refused halfway (too
     * large, the body broken off) leaves nothing behind.
     */
    async upload(actor: Actor, { fields: raw, file, finish }: Upload): Promise<FileResponse> {
      const fields = parseFields(raw);
      const owner = ownerOf(fields.ownerType);
      const { label } = await owner.authorize(db, actor, fields.ownerId, 'write');
      const chunks = fixedChunks(file.stream, CHUNK_BYTES);
      const first = await chunks.next();
      if (first.done) throw fileEmpty();
      const more = first.value.length === CHUNK_BYTES;
      const { mime, name } = await checkContent(first.value, more, file.fileName, fields.purpose);
      const row = await audited(db, actor, async (tx, audit) => {
        const created = await filesRepository.insert(tx, {
          ownerType: fields.ownerType,
          ownerId: String(fields.ownerId),
          purpose: fields.purpose,
          name,
          mime,
          uploadedBy: actor.userId,
        });
        const hash = createHash('sha256');
        let size = 0;
        let seq = 0;
        for (let chunk: IteratorResult<Buffer> = first; !chunk.done; chunk = await chunks.next()) {
          hash.update(chunk.value);
          size += chunk.value.length;
          await filesRepository.insertChunk(tx, created.id, seq++, chunk.value);
        }
        // A body broken after the file must not leave the file behind.
        await finish();
        const stored = await filesRepository.complete(tx, created.id, size, hash.digest('hex'));
        audit(fileEvent(stored, label, { action: 'file.uploaded', after: auditView(stored) }));
        return stored;
      });
      return present(row);
    },

    /** The files of one record, newest first, and what the actor may do with them. */
    async list(actor: Actor, q: FileListQuery): Promise<FileListResponse> {
      const owner = ownerOf(q.ownerType);
      await owner.authorize(db, actor, q.ownerId, 'read');
      const [rows, writable, limit] = await Promise.all([
        filesRepository.listOf(
          db,
          { ownerType: q.ownerType, ownerId: String(q.ownerId), purpose: q.purpose },
          LIST_LIMIT,
        ),
        may(owner, actor, q.ownerId, 'write'),
        uploadLimit(),
      ]);
      const names = await displayNames(
        db,
        rows.map((r) => r.uploadedBy),
      );
      return {
        items: rows.map((r) => mapFile(r, r.uploadedBy === null ? null : (names.get(r.uploadedBy) ?? null))),
        policies: { upload: writable, delete: writable },
        uploadLimit: limit,
      };
    },

    /**
     * A download: 404 for a file that is missing, deleted, or whose record the actor may not
     * read. Answers a Range request with the part (206) and a conditional one with 304. Audited
     * when the owner says so, once per download: a request for the whole file or for its start
     * (a player's first request), not each later part, a HEAD or a 304.
     */
    async download(actor: Actor, id: number, req: DownloadRequest): Promise<Download> {
      const row = await filesRepository.findLive(db, id);
      if (!row) throw fileNotFound();
      const { owner, label } = await authorizeFile(db, actor, row, 'read');
      const etag = etagOf(row);
      if (matches(req.ifNoneMatch, etag)) {
        return { status: 304, headers: { etag, 'cache-control': DOWNLOAD_CACHE }, body: null };
      }
      const range: ByteRange =
        req.ifRange === undefined || req.ifRange.trim() === etag
          ? parseRange(req.range, row.size)
          : { kind: 'whole' };
      const headers = downloadHeaders(row, range);
      if (range.kind === 'outside') return { status: 416, headers, body: null };
      if (req.headOnly) return { status: range.kind === 'part' ? 206 : 200, headers, body: null };
      const start = range.kind === 'part' ? range.start : 0;
      const end = range.kind === 'part' ? range.end : row.size - 1;
      if (owner.auditDownloads && start === 0) {
        await recordAudit(
          db,
          actor,
          fileEvent(row, label, {
            action: 'file.downloaded',
            after: { ...auditView(row), ...(range.kind === 'part' ? { range: `${start}-${end}` } : {}) },
          }),
        );
      }
      const body = chunkStream((from, to) => filesRepository.readChunks(db, row.id, from, to), start, end);
      return { status: range.kind === 'part' ? 206 : 200, headers, body };
    },

    /** Deletes a file (soft: `deleted_at`); 404 for one missing, deleted or out of scope. */
    async remove(actor: Actor, id: number): Promise<void> {
      await audited(db, actor, async (tx, audit) => {
        const row = await filesRepository.findLive(tx, id, true);
        if (!row) throw fileNotFound();
        const { label } = await authorizeFile(tx, actor, row, 'write');
        const deleted = await filesRepository.markDeleted(tx, id);
        if (!deleted) throw fileNotFound();
        audit(fileEvent(deleted, label, { action: 'file.deleted', before: auditView(deleted) }));
      });
    },
  };
}

export type FilesService = ReturnType<typeof createFilesService>;
