/**
 * Long work (an import, a batch) answered as it goes: with `Accept: application/x-ndjson` the
 * reply is a stream of lines (packages/shared/src/common/stream.ts) — progress, then the report,
 * or an error line once the stream has begun — else the plain JSON report when the work is done.
 * When the client leaves, the work is stopped at its next progress (a commit rolls back) rather
 * than done for no one.
 */
import { PassThrough } from 'node:stream';
import { type ErrorLine, NDJSON, type ProgressLine } from '@ningxin/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { databaseUnavailable, isDatabaseUnavailable } from './db-errors';
import { AppError } from './errors';
import { safeError } from './safe-error';

export type Progress = Omit<ProgressLine, 'type'>;
/** Reports progress; throws when the client has gone, which stops the work. */
export type OnProgress = (progress: Progress) => void;

class ClientGone extends Error {}

export const wantsProgress = (request: FastifyRequest) => (request.headers.accept ?? '').includes(NDJSON);

/** An error after the stream began, as its last line; internals stay in the log. */
function errorLine(err: unknown, request: FastifyRequest): ErrorLine {
  if (isDatabaseUnavailable(err)) return errorLine(databaseUnavailable(), request);
  if (err instanceof AppError)
    return { type: 'error', status: err.status, code: err.code, message: err.message };
  request.log.error({ err: safeError(err) }, 'streamed work failed');
  return {
    type: 'error',
    status: 500,
    code: 'INTERNAL_ERROR',
    message: `服务器内部错误，请稍后再试（请求编号 ${request.id}）`,
  };
}

/**
 * Runs the work and answers with its report: as a progress stream when the client asked for one,
 * else as JSON. `finish` runs once the work has ended either way (removing a spooled upload).
 */
export async function answerWithProgress<R extends object>(
  request: FastifyRequest,
  reply: FastifyReply,
  first: Progress,
  work: (onProgress: OnProgress) => Promise<R>,
  finish: () => Promise<void> = async () => {},
): Promise<R> {
  if (!wantsProgress(request)) {
    try {
      return await work(() => {});
    } finally {
      await finish();
    }
  }
  const out = new PassThrough();
  out.on('error', () => {}); // written to after the client left: nothing to tell anyone
  let gone = false;
  reply.raw.on('close', () => {
    gone = !reply.raw.writableFinished;
  });
  const line = (l: object) => {
    if (!out.destroyed) out.write(`${JSON.stringify(l)}\n`);
  };
  line({ type: 'progress', ...first });
  work((p) => {
    if (gone) throw new ClientGone();
    line({ type: 'progress', ...p });
  })
    .then((report) => line({ type: 'report', ...report }))
    .catch((err) => {
      if (!(err instanceof ClientGone)) line(errorLine(err, request));
    })
    .finally(() => finish().finally(() => out.end()));
  // A stream is sent as it is; the route's schema describes the plain JSON answer.
  return reply.type(`${NDJSON}; charset=utf-8`).header('cache-control', 'no-store').send(out) as unknown as R;
}
