/**
 * Receives a lead spreadsheet: the `file` part spooled to a private temporary directory (the
 * table reader reads a file), the text fields collected. Nothing outlives the request.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { receiveUpload as receiveForm } from '../../../lib/upload';
import { importFileTooLarge, importNoFile, MAX_LEAD_IMPORT_BYTES } from './leads.excel.errors';

export interface SpooledUpload {
  path: string;
  fields: Record<string, string>;
  cleanup(): Promise<void>;
}

export async function spoolUpload(request: FastifyRequest): Promise<SpooledUpload> {
  if (!request.isMultipart()) throw importNoFile();
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'ningxin-leads-'));
  const cleanup = () => fs.promises.rm(dir, { recursive: true, force: true });
  try {
    return await receiveForm(
      request,
      { maxBytes: MAX_LEAD_IMPORT_BYTES, tooLarge: importFileTooLarge, noFile: importNoFile },
      async ({ file, finish }) => {
        const target = path.join(dir, 'leads.xlsx');
        await pipeline(file.stream, fs.createWriteStream(target));
        return { path: target, fields: await finish(), cleanup };
      },
    );
  } catch (err) {
    await cleanup();
    throw err;
  }
}
