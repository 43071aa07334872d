import { type ImportCheck, type ImportReport, NDJSON } from '@ningxin/shared';
import { apiUrl, errorFromResponse, networkError } from '../../../lib/api';
import { type Progress, readProgressStream } from '../../../lib/progressStream';

export type ImportPhase = 'validate' | 'commit';

/** How far the server is: rows processed in a phase (and the row count, when it says so). */
export type ImportProgress = Progress & { phase: ImportPhase };

interface ProgressOptions {
  onProgress: (progress: ImportProgress) => void;
  signal?: AbortSignal;
}

/** Posts and follows the server's progress stream (Accept: application/x-ndjson); plain JSON is read as well. */
async function postWithProgress<R>(path: string, body: FormData | undefined, o: ProgressOptions): Promise<R> {
  let response: Response;
  try {
    response = await fetch(apiUrl(path), {
      method: 'POST',
      body,
      headers: { Accept: NDJSON },
      credentials: 'same-origin',
      signal: o.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw networkError();
  }
  if (!response.ok) throw await errorFromResponse(response);
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('ndjson') || !response.body) return (await response.json()) as R;
  return readProgressStream<R>(response.body, (p) => o.onProgress(p as ImportProgress));
}

/**
 * Step one: uploads a spreadsheet to POST /members/import, which checks every row and, when all
 * pass, keeps them for the commit (the answer's `stage`). The org is for rows without 所在党组织.
 */
export function checkImport({ file, orgId, ...o }: ProgressOptions & { file: File; orgId?: number }) {
  const form = new FormData();
  // Fields before the file: a streaming multipart reader sees them before it reads the rows.
  if (orgId !== undefined) form.append('orgId', String(orgId));
  form.append('file', file, file.name);
  return postWithProgress<ImportCheck>('/members/import', form, o);
}

/** Step two: writes the checked rows, all or none, without uploading the file again. */
export function commitImport({ stageId, ...o }: ProgressOptions & { stageId: string }) {
  return postWithProgress<ImportReport>(`/members/import/stages/${stageId}/commit`, undefined, o);
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
