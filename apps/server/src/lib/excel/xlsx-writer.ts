/**
 * Streaming .xlsx output (exceljs's WorkbookWriter): rows are committed as they are added and
 * the zip is written into a stream the HTTP reply sends, so a large export never sits in memory.
 */
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface SheetColumn {
  header: string;
  width?: number;
  /** Text format (`@`): Excel keeps long digit strings (ID numbers) as typed. */
  text?: boolean;
  /** Marked in the header (red, with a note). */
  required?: boolean;
}

export type StreamingWorkbook = ExcelJS.stream.xlsx.WorkbookWriter;
export type StreamingSheet = ExcelJS.Worksheet;

/** A workbook writing into `stream`; plain strings inline (no shared-strings table kept in memory). */
export function createXlsxStream(): { workbook: StreamingWorkbook; stream: PassThrough } {
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = '凝心';
  workbook.created = new Date();
  return { workbook, stream };
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const REQUIRED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE2E2' } };

/**
 * A sheet with a bold, frozen header row; text columns formatted as text. Set data validations
 * on the returned sheet before its first data row is committed.
 */
export function addTableSheet(
  workbook: StreamingWorkbook,
  name: string,
  columns: readonly SheetColumn[],
): StreamingSheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    key: c.header,
    width: c.width ?? Math.max(10, c.header.length * 2 + 4),
    ...(c.text ? { style: { numFmt: '@' } } : {}),
  }));
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = c.required ? REQUIRED_FILL : HEADER_FILL;
    if (c.required) {
      cell.font = { bold: true, color: { argb: 'FFC00000' } };
      cell.note = '必填';
    }
  });
  header.commit();
  return sheet;
}

/**
 * Waits while the reader of the stream is behind (call it between pages of rows); throws when
 * the stream was closed (the client went away), so the producer stops.
 */
export async function drained(stream: PassThrough): Promise<void> {
  if (stream.writableNeedDrain && !stream.destroyed) {
    const ac = new AbortController();
    await Promise.race([
      once(stream, 'drain', { signal: ac.signal }),
      once(stream, 'close', { signal: ac.signal }),
    ]).finally(() => ac.abort());
  }
  if (stream.destroyed) throw new Error('the download was closed before it ended');
}

/** A `Content-Disposition` header for a download with a Chinese name (RFC 6266 / 5987). */
export function attachmentHeader(fileName: string, asciiFallback: string): string {
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
