import type { ImportReport } from '@ningxin/shared';
import { ApiError, apiUrl, errorFromResponse, networkError } from '../../../lib/api';

export type ImportPhase = 'validate' | 'commit';

/** How far the server is: rows processed in a phase (and the row count, when it says so). */
export interface ImportProgress {
  phase: ImportPhase;
  processed: number;
  total?: number;
}

interface RunImportOptions {
  file: File;
  /** The org of rows without 所在党组织. */
  orgId?: number;
  /** true: validate only, write nothing (检查); false: write all rows or none (导入). */
  dryRun: boolean;
  onProgress: (progress: ImportProgress) => void;
  signal?: AbortSignal;
}

type StreamLine =
  | { type: 'progress'; phase: ImportPhase; processed: number; total?: number }
  | ({ type: 'report' } & ImportReport)
  | { type: 'error'; code?: string; message?: string; status?: number };

const INTERRUPTED = '导入过程中连接中断，未收到结果，请重试';

/** Reads newline-delimited JSON, passing progress on; resolves with the final report. */
async function readReport(
  body: ReadableStream<Uint8Array>,
  onProgress: (p: ImportProgress) => void,
): Promise<ImportReport> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let report: ImportReport | null = null;
  const handle = (line: string) => {
    if (!line.trim()) return;
    const message = JSON.parse(line) as StreamLine;
    if (message.type === 'progress') {
      onProgress({ phase: message.phase, processed: message.processed, total: message.total });
    } else if (message.type === 'report') {
      const { type: _type, ...rest } = message;
      report = rest;
    } else if (message.type === 'error') {
      throw new ApiError(
        message.status ?? 500,
        message.code ?? 'IMPORT_FAILED',
        message.message ?? INTERRUPTED,
      );
    }
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      for (let i = buffer.indexOf('\n'); i >= 0; i = buffer.indexOf('\n')) {
        handle(buffer.slice(0, i));
        buffer = buffer.slice(i + 1);
      }
    }
    handle(buffer + decoder.decode());
  } catch (error) {
    if (error instanceof ApiError || (error instanceof DOMException && error.name === 'AbortError'))
      throw error;
    throw new ApiError(0, 'IMPORT_INTERRUPTED', INTERRUPTED);
  }
  if (!report) throw new ApiError(0, 'IMPORT_INTERRUPTED', INTERRUPTED);
  return report;
}

/**
 * Uploads a spreadsheet to POST /members/import and follows the server's progress stream
 * (Accept: application/x-ndjson). A server that answers with plain JSON is read as well.
 */
export async function runImport({
  file,
  orgId,
  dryRun,
  onProgress,
  signal,
}: RunImportOptions): Promise<ImportReport> {
  const form = new FormData();
  // Fields before the file: a streaming multipart reader sees them before it reads the rows.
  if (orgId !== undefined) form.append('orgId', String(orgId));
  form.append('dryRun', String(dryRun));
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch(apiUrl('/members/import'), {
      method: 'POST',
      body: form,
      headers: { Accept: 'application/x-ndjson' },
      credentials: 'same-origin',
      signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw networkError();
  }
  if (!response.ok) throw await errorFromResponse(response);
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('ndjson') || !response.body) return (await response.json()) as ImportReport;
  return readReport(response.body, onProgress);
}

/** Errors of the file as a whole (too many errors, say) come as row 0. */
export function fileNotes(report: ImportReport) {
  return report.errors.filter((e) => e.row <= 0);
}

export function rowErrors(report: ImportReport) {
  return report.errors.filter((e) => e.row > 0);
}

/** How many distinct rows have at least one error (as far as the report lists them). */
export function badRowCount(report: ImportReport): number {
  return new Set(rowErrors(report).map((e) => e.row)).size;
}
