import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { attachmentHeader, createXlsxStream, XLSX_MIME } from '../../../lib/excel/xlsx-writer';
import { safeError } from '../../../lib/safe-error';
import type { PrintedPaper } from './papers.print';

/** A download: the bytes, streamed as they are written, never serialized. */
export const Pdf = z.unknown().meta({ description: 'PDF 文件（A4）' });
export const Xlsx = z.unknown().meta({ description: '.xlsx 文件' });

export function sendPdf(reply: FastifyReply, printed: PrintedPaper) {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', attachmentHeader(printed.fileName, printed.asciiName))
    .header('cache-control', 'no-store')
    .header('x-pdf-pages', String(printed.pages))
    .send(printed.stream);
}

export interface PreparedExport {
  fileName: string;
  asciiName: string;
  write(
    workbook: ReturnType<typeof createXlsxStream>['workbook'],
    stream: ReturnType<typeof createXlsxStream>['stream'],
  ): Promise<void>;
}

export function sendXlsx(request: FastifyRequest, reply: FastifyReply, job: PreparedExport) {
  const { workbook, stream } = createXlsxStream();
  job.write(workbook, stream).catch((err: Error) => {
    request.log.warn({ err: safeError(err) }, 'export stopped');
    stream.destroy(err);
  });
  return reply
    .header('content-type', XLSX_MIME)
    .header('content-disposition', attachmentHeader(job.fileName, job.asciiName))
    .header('cache-control', 'no-store')
    .send(stream);
}
