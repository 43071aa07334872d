/**
 * Receives a multipart upload: the `file` part is spooled to a private temporary directory (the
 * import reads it twice, streaming), the text fields are collected. Nothing outlives the request.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../lib/errors';
import { importFileTooLarge, importNoFile, MAX_IMPORT_BYTES, uploadMalformed } from './members.excel.errors';

export interface Upload {
  path: string;
  fileName: string;
  fields: Record<string, string>;
  /** Removes the spooled file. */
  cleanup(): Promise<void>;
}

const isTooLarge = (err: unknown) => (err as { code?: string } | null)?.code === 'FST_REQ_FILE_TOO_LARGE';

/**
 * Whether the request body is not well-formed multipart (no boundary, a wrong one, a part cut
 * off, too many parts): the parser's errors. A failure of the disk we spool to (it has a
 * `syscall`) or our own coded error is not the client's fault.
 */
function isMalformed(err: unknown): boolean {
  if (!(err instanceof Error) || err instanceof AppError) return false;
  if ('syscall' in err) return false;
  const code = (err as { code?: unknown }).code;
  return code === undefined || (typeof code === 'string' && code.startsWith('FST_'));
}

export async function receiveUpload(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart()) throw importNoFile();
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'ningxin-upload-'));
  const cleanup = () => fs.promises.rm(dir, { recursive: true, force: true });
  try {
    let file: { path: string; fileName: string } | null = null;
    const fields: Record<string, string> = {};
    const parts = request.parts({
      limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 10, fieldSize: 1000, parts: 12 },
    });
    for await (const part of parts) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
      } else if (part.fieldname !== 'file') {
        part.file.resume();
      } else {
        const target = path.join(dir, 'upload.xlsx');
        await pipeline(part.file, fs.createWriteStream(target));
        if (part.file.truncated) throw importFileTooLarge();
        file = { path: target, fileName: path.basename(part.filename || 'upload.xlsx') };
      }
    }
    if (!file) throw importNoFile();
    return { ...file, fields, cleanup };
  } catch (err) {
    await cleanup();
    if (isTooLarge(err)) throw importFileTooLarge();
    throw isMalformed(err) ? uploadMalformed() : err;
  }
}
