import { type ImportReport, NDJSON } from '@ningxin/shared';
import { apiUrl, errorFromResponse, networkError } from '../../../lib/api';
import { type Progress, readProgressStream } from '../../../lib/progressStream';

export type ImportPhase = 'validate' | 'commit';

/** How far the server is: rows processed in a phase (and the row count, when it says so). */
export type ImportProgress = Progress & { phase: ImportPhase };

interface RunImportOptions {
  file: File;
  /** The org of rows without 所在党组织. */
  orgId?: number;
  /** true: validate only, write nothing (检查); false: write all rows or none (导入). */
  dryRun: boolean;
  onProgress: (progress: ImportProgress) => void;
  signal?: AbortSignal;
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
      headers: { Accept: NDJSON },
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
  return readProgressStream<ImportReport>(response.body, (p) => onProgress(p as ImportProgress));
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
