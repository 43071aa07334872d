import type { PassThrough, Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { attachmentHeader, createXlsxStream, type StreamingWorkbook, XLSX_MIME } from './excel/xlsx-writer';
import { safeError } from './safe-error';

/**
 * Files a route answers with (a printed PDF, a spreadsheet): the bytes are streamed as they are
 * written, never serialized; the name is given in Chinese with an ASCII fallback; nothing is cached
 * (a download may carry personal data).
 */

/** The OpenAPI description of a download's body. */
export const Pdf = z.unknown().meta({ description: 'PDF 文件（A4）' });
export const Xlsx = z.unknown().meta({ description: '.xlsx 文件' });

/** A rendered PDF: its stream, its names and (where known) its page count. */
export interface PrintedFile {
  stream: Readable;
  fileName: string;
  asciiName: string;
  pages?: number;
}

export function sendPdf(reply: FastifyReply, printed: PrintedFile) {
  reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', attachmentHeader(printed.fileName, printed.asciiName))
    .header('cache-control', 'no-store');
  if (printed.pages !== undefined) reply.header('x-pdf-pages', String(printed.pages));
  return reply.send(printed.stream);
}

/** A spreadsheet to write: its names and how to fill the workbook (committing it at the end). */
export interface PreparedExport {
  fileName: string;
  asciiName: string;
  write(workbook: StreamingWorkbook, stream: PassThrough): Promise<void>;
}

/** Streams the spreadsheet as it is written; a failure midway ends the download and is logged. */
export function sendXlsx(request: FastifyRequest, reply: FastifyReply, job: PreparedExport) {
  const { workbook, stream } = createXlsxStream();
  job.write(workbook, stream).catch((err: Error) => {
    request.log.warn({ err: safeError(err) }, 'spreadsheet download stopped');
    stream.destroy(err);
  });
  return reply
    .header('content-type', XLSX_MIME)
    .header('content-disposition', attachmentHeader(job.fileName, job.asciiName))
    .header('cache-control', 'no-store')
    .send(stream);
}
