/**
 * Multipart uploads (multipart/form-data): the text fields of the form and one file part, whose
 * content is handed over as a stream while it arrives, never held whole in memory. What becomes of
 * the stream (spooled to a temporary file by the member import, written into the database by the
 * files module) is the caller's business; this module reads the form and turns the parser's
 * failures into the API's answers:
 * - a body that is not well-formed multipart (no boundary, a wrong one, a part cut off, too many
 *   parts): 400 UPLOAD_MALFORMED naming the field `file`;
 * - a file beyond the caller's limit: the caller's 413, raised by the stream as soon as the limit
 *   is passed;
 * - a form without the file part: the caller's 400.
 * The routes using it register @fastify/multipart.
 */
import { Readable } from 'node:stream';
import { finished as streamFinished } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors';

/** The body is not well-formed multipart/form-data (no boundary, a wrong one, cut off). */
export const uploadMalformed = () =>
  new AppError(
    400,
    'UPLOAD_MALFORMED',
    '上传的内容不是有效的 multipart/form-data（缺少或不符的 boundary，或内容不完整），请重新选择文件上传',
    [{ path: 'file', message: '上传内容无效' }],
  );

export interface UploadOptions {
  /** The largest file accepted, in bytes. */
  maxBytes: number;
  /** The error for a file beyond `maxBytes` (a 413 naming the field). */
  tooLarge: () => AppError;
  /** The error for a request without the file part (or not multipart at all). */
  noFile: () => AppError;
  /** The name of the file part: `file` unless told. */
  field?: string;
}

export interface IncomingFile {
  /** The name the client gave, without any folder; '' when it gave none. */
  fileName: string;
  /** The content type the client claims: a hint only, never to be trusted. */
  claimedType: string;
  /**
   * The content as it arrives. Fails with the caller's `tooLarge()` once past the limit and with
   * UPLOAD_MALFORMED when the body breaks off; reading it slowly slows the client down.
   */
  stream: Readable;
}

export interface Upload {
  /** The text fields sent before the file part. */
  fields: Record<string, string>;
  file: IncomingFile;
  /**
   * Reads the rest of the body (the file's remainder is discarded if the caller did not read it
   * all): resolves with every text field of the form, those after the file included; throws
   * UPLOAD_MALFORMED when the body turns out broken. A caller that must not keep a file from a
   * broken request calls it before it commits.
   */
  finish(): Promise<Record<string, string>>;
}

/** Limits of the parser: one file, a few short text fields. */
const PARSER_LIMITS = { files: 1, fields: 10, fieldSize: 1000, parts: 12 };

const isTooLarge = (err: unknown) => (err as { code?: string } | null)?.code === 'FST_REQ_FILE_TOO_LARGE';

/**
 * Whether an error of the parser says the body is not well-formed multipart (no boundary, a
 * wrong one, a part cut off, too many parts). Our own coded errors pass as they are.
 */
function isMalformed(err: unknown): boolean {
  if (!(err instanceof Error) || err instanceof AppError) return false;
  if ('syscall' in err) return false;
  const code = (err as { code?: unknown }).code;
  return code === undefined || (typeof code === 'string' && code.startsWith('FST_'));
}

/** An error of the parser as the API answers it. */
function parserError(err: unknown, options: UploadOptions): unknown {
  if (isTooLarge(err)) return options.tooLarge();
  return isMalformed(err) ? uploadMalformed() : err;
}

/** The file part's content, failing with `tooLarge()` past `maxBytes` and with the API's errors for a broken body. */
function limited(source: Readable, options: UploadOptions): Readable {
  return Readable.from(
    (async function* () {
      let seen = 0;
      try {
        for await (const chunk of source as AsyncIterable<Buffer>) {
          seen += chunk.length;
          if (seen > options.maxBytes) throw options.tooLarge();
          yield chunk;
        }
      } catch (err) {
        throw parserError(err, options);
      }
      // The parser cut the file at its limit without an error of its own (it reports it later).
      if ((source as Readable & { truncated?: boolean }).truncated) throw options.tooLarge();
    })(),
    { objectMode: false },
  );
}

/** The name as the client gave it, without a folder (an old browser sends `C:\…\a.jpg`). */
const baseName = (name: string | undefined) => (name ?? '').split(/[\\/]/).pop() ?? '';

/**
 * Reads a multipart request up to its file part and hands it to `consume`, which reads the file
 * stream and may call `finish()` (done after it returns if it did not). Whatever fails, the rest
 * of the request is read and discarded, so that the client receives the answer.
 */
export async function receiveUpload<T>(
  request: FastifyRequest,
  options: UploadOptions,
  consume: (upload: Upload) => Promise<T>,
): Promise<T> {
  if (!request.isMultipart()) throw options.noFile();
  const field = options.field ?? 'file';
  const parts = request.parts({ limits: { ...PARSER_LIMITS, fileSize: options.maxBytes + 1 } });
  const next = async () => {
    try {
      return await parts.next();
    } catch (err) {
      throw parserError(err, options);
    }
  };
  const fields: Record<string, string> = {};
  let finished: Promise<Record<string, string>> | null = null;
  try {
    let file: IncomingFile | null = null;
    while (!file) {
      const { value: part, done } = await next();
      if (done) throw options.noFile();
      if (part.type === 'field') fields[part.fieldname] = String(part.value);
      else if (part.fieldname !== field) part.file.resume();
      else
        file = {
          fileName: baseName(part.filename),
          claimedType: part.mimetype,
          stream: limited(part.file, options),
        };
    }
    const stream = file.stream;
    const finish = () => {
      finished ??= (async () => {
        if (!stream.readableEnded) {
          // What the caller left unread is read to the end (its errors are the body's).
          stream.resume();
          await streamFinished(stream);
        }
        for (;;) {
          const { value: part, done } = await next();
          if (done) return { ...fields };
          if (part.type === 'field') fields[part.fieldname] = String(part.value);
          else part.file.resume();
        }
      })();
      return finished;
    };
    const result = await consume({ fields: { ...fields }, file, finish });
    await finish();
    return result;
  } catch (err) {
    discardRest(request);
    throw err;
  }
}

/** Reads what is left of the request and throws it away, so that the client gets to read the answer. */
function discardRest(request: FastifyRequest) {
  const raw = request.raw;
  if (raw.readableEnded || raw.destroyed) return;
  raw.unpipe();
  raw.on('error', () => {});
  raw.resume();
}
