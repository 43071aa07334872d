/**
 * Receives the import's spreadsheet (lib/upload.ts reads the form): the `file` part is spooled to a
 * private temporary directory (the import reads it twice, streaming), the text fields are
 * collected. Nothing outlives the request.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { receiveUpload as receiveForm } from '../../../lib/upload';
import { importFileTooLarge, importNoFile, MAX_IMPORT_BYTES } from './members.excel.errors';

export interface Upload {
  path: string;
  fileName: string;
  fields: Record<string, string>;
  /** Removes the spooled file. */
  cleanup(): Promise<void>;
}

export async function receiveUpload(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart()) throw importNoFile();
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'ningxin-upload-'));
  const cleanup = () => fs.promises.rm(dir, { recursive: true, force: true });
  try {
    return await receiveForm(
      request,
      { maxBytes: MAX_IMPORT_BYTES, tooLarge: importFileTooLarge, noFile: importNoFile },
      async ({ file, finish }) => {
        const target = path.join(dir, 'upload.xlsx');
        await pipeline(file.stream, fs.createWriteStream(target));
        const fields = await finish();
        return { path: target, fileName: file.fileName || 'upload.xlsx', fields, cleanup };
      },
    );
  } catch (err) {
    await cleanup();
    throw err;
  }
}
