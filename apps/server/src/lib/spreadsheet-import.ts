/**
 * A spreadsheet import as a route answers it: the `file` part is spooled to a private temporary
 * directory (the table reader reads a file, an import reads it twice), the form's text fields are
 * checked with the route's schema (a 400 naming the field), the module prepares its job (checking
 * the actor and the file), and the job runs with progress (lib/progress-stream: ndjson when the
 * client asks). The spooled file is removed when the answer ends, or at once when preparing fails.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { invalidField } from './errors';
import { answerWithProgress, type OnProgress } from './progress-stream';
import { receiveUpload, type UploadOptions } from './upload';

export interface SpooledSheet {
  path: string;
  /** The name the client gave the file ('upload.xlsx' when it gave none). */
  fileName: string;
  fields: Record<string, string>;
  /** Removes the spooled file. */
  cleanup(): Promise<void>;
}

export async function spoolSpreadsheet(
  request: FastifyRequest,
  limits: UploadOptions,
): Promise<SpooledSheet> {
  if (!request.isMultipart()) throw limits.noFile();
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'ningxin-upload-'));
  const cleanup = () => fs.promises.rm(dir, { recursive: true, force: true });
  try {
    return await receiveUpload(request, limits, async ({ file, finish }) => {
      const target = path.join(dir, 'upload.xlsx');
      await pipeline(file.stream, fs.createWriteStream(target));
      const fields = await finish();
      return { path: target, fileName: file.fileName || 'upload.xlsx', fields, cleanup };
    });
  } catch (err) {
    await cleanup();
    throw err;
  }
}

export interface ImportJob<R> {
  run(onProgress: OnProgress): Promise<R>;
}

export async function answerImport<F extends z.ZodType, R extends object>(
  request: FastifyRequest,
  reply: FastifyReply,
  {
    limits,
    fields,
    prepare,
  }: {
    limits: UploadOptions;
    /** The form's text fields (dryRun, an org …). */
    fields: F;
    prepare(upload: SpooledSheet, fields: z.output<F>): Promise<ImportJob<R>>;
  },
): Promise<R> {
  const upload = await spoolSpreadsheet(request, limits);
  let job: ImportJob<R>;
  try {
    const parsed = fields.safeParse(upload.fields);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw invalidField(String(issue.path[0]), issue.message);
    }
    job = await prepare(upload, parsed.data);
  } catch (err) {
    await upload.cleanup();
    throw err;
  }
  return answerWithProgress(
    request,
    reply,
    { phase: 'validate', processed: 0 },
    (onProgress) => job.run(onProgress),
    upload.cleanup,
  );
}
