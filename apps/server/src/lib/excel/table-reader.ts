/**
 * Reads one table out of an .xlsx file with exceljs's streaming reader: the workbook is never
 * held whole, rows arrive one at a time. The table is the first visible sheet with a header
 * row — the first of its first rows that names at least `minMatches` known columns — so title
 * rows and merged title cells above the header are skipped. Header synonyms map to canonical
 * column names; empty rows are skipped; strings are trimmed.
 */
import type { Readable } from 'node:stream';
import { normalizeHeader, type PlainCell, plainCell } from './cells';
import { Utf8WorkbookReader } from './workbook-reader';

export interface TableSpec {
  /** Canonical column name → other headers that mean it. The canonical name always matches. */
  columns: Readonly<Record<string, readonly string[]>>;
  /** How many known columns make a header row. Default 3. */
  minMatches?: number;
  /** How many sheet rows to search for the header. Default 10. */
  scanRows?: number;
}

export interface TableRow {
  /** The 1-based row number, as the user sees it in Excel. */
  row: number;
  /** The row's non-empty cells by canonical column. */
  cells: Record<string, PlainCell>;
}

export interface Table {
  sheetName: string;
  headerRow: number;
  /** The canonical columns found, in sheet order. */
  columns: string[];
  /** Header cells that name no known column (ignored). */
  unknownHeaders: string[];
  /** The data rows after the header; iterate once. Closes the file when done. */
  rows: AsyncGenerator<TableRow, void, undefined>;
  /** Stops reading and releases the file (safe to call twice). */
  close(): Promise<void>;
}

/** The file is not a readable .xlsx workbook. */
export class BadWorkbookError extends Error {
  constructor(cause?: unknown) {
    super('not a readable xlsx workbook', { cause });
    this.name = 'BadWorkbookError';
  }
}

/** No sheet has a header row naming enough known columns. */
export class HeaderNotFoundError extends Error {
  constructor() {
    super('no header row found');
    this.name = 'HeaderNotFoundError';
  }
}

type ExcelRow = { number: number; values: unknown[] | Record<string, unknown> };
/** exceljs's worksheet reader; `iterator` is the spooled file's stream when the sheet was deferred. */
type SheetReader = AsyncIterable<ExcelRow> & { name?: string; state?: string; iterator?: unknown };

/** Stops reading a sheet spooled to a temporary file; false for a sheet read from the zip itself. */
function skipSheet(sheet: SheetReader | null): boolean {
  const it = sheet?.iterator as { destroy?: () => void } | undefined;
  if (typeof it?.destroy !== 'function') return false;
  it.destroy();
  return true;
}

/** Header text (normalised) → canonical name. */
export function headerIndex(spec: TableSpec): Map<string, string> {
  const index = new Map<string, string>();
  for (const [canonical, synonyms] of Object.entries(spec.columns)) {
    for (const h of [canonical, ...synonyms]) {
      const key = normalizeHeader(h);
      if (!index.has(key)) index.set(key, canonical);
    }
  }
  return index;
}

/** Column position → canonical name for a candidate header row, or null when too few match. */
export function matchHeader(
  values: readonly unknown[],
  index: Map<string, string>,
  minMatches: number,
): { byColumn: Map<number, string>; unknown: string[] } | null {
  const byColumn = new Map<number, string>();
  const seen = new Set<string>();
  const unknown: string[] = [];
  values.forEach((raw, col) => {
    const v = plainCell(raw);
    if (v === null) return;
    const canonical = index.get(normalizeHeader(String(v)));
    if (canonical === undefined) unknown.push(String(v));
    else if (!seen.has(canonical)) {
      // The first column of a name wins; a repeated header is ignored.
      seen.add(canonical);
      byColumn.set(col, canonical);
    }
  });
  return seen.size >= minMatches ? { byColumn, unknown } : null;
}

const rowValues = (r: ExcelRow): unknown[] => (Array.isArray(r.values) ? r.values : []);

/** Wraps an exceljs iterator so that its failures read as a bad workbook. */
async function step<T>(it: AsyncIterator<T>): Promise<IteratorResult<T>> {
  try {
    return await it.next();
  } catch (err) {
    throw new BadWorkbookError(err);
  }
}

/**
 * Opens the table of a workbook. Resolves once the header row is found (so a file without one
 * fails before any row is processed); rejects with HeaderNotFoundError or BadWorkbookError.
 */
export async function openTable(input: Readable, spec: TableSpec): Promise<Table> {
  const index = headerIndex(spec);
  const minMatches = spec.minMatches ?? 3;
  const scanRows = spec.scanRows ?? 10;
  const reader = new Utf8WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  });
  // The input is a local file: a read error is not expected, and must never crash the process.
  input.on('error', () => {});
  const sheets = reader[Symbol.asyncIterator]() as AsyncIterator<SheetReader>;
  let current: SheetReader | null = null;
  let closed = false;
  /**
   * Runs the workbook reader to its end without reading the sheets left, so that exceljs removes
   * the temporary files it spools sheets into (when shared strings follow the sheets in the zip).
   */
  const close = async () => {
    if (closed) return;
    closed = true;
    try {
      skipSheet(current);
      for (;;) {
        const next = await sheets.next();
        if (next.done) break;
        if (!skipSheet(next.value)) for await (const _ of next.value);
      }
    } catch {
      // the file is being abandoned; nothing more to report
    } finally {
      input.destroy();
    }
  };

  let sawSheet = false;
  try {
    for (;;) {
      const next = await step(sheets);
      if (next.done) throw sawSheet ? new HeaderNotFoundError() : new BadWorkbookError();
      sawSheet = true;
      const sheet = next.value;
      current = sheet;
      const rows = sheet[Symbol.asyncIterator]();
      const hidden = sheet.state === 'hidden' || sheet.state === 'veryHidden';
      let header: ReturnType<typeof matchHeader> = null;
      let headerRow = 0;
      for (;;) {
        const r = await step(rows);
        if (r.done) break;
        if (header || hidden || r.value.number > scanRows) continue; // drain the sheet
        header = matchHeader(rowValues(r.value), index, minMatches);
        if (header) {
          headerRow = r.value.number;
          break;
        }
      }
      if (!header) continue;
      const found = header;
      return {
        sheetName: sheet.name ?? '',
        headerRow,
        columns: [...found.byColumn.values()],
        unknownHeaders: found.unknown,
        rows: dataRows(rows, found.byColumn, close),
        close,
      };
    }
  } catch (err) {
    await close();
    throw err;
  }
}

async function* dataRows(
  rows: AsyncIterator<ExcelRow>,
  byColumn: Map<number, string>,
  close: () => Promise<void>,
): AsyncGenerator<TableRow, void, undefined> {
  try {
    for (;;) {
      const r = await step(rows);
      if (r.done) return;
      const values = rowValues(r.value);
      const cells: Record<string, PlainCell> = {};
      let any = false;
      for (const [col, name] of byColumn) {
        const v = plainCell(values[col]);
        if (v !== null) {
          cells[name] = v;
          any = true;
        }
      }
      if (any) yield { row: r.value.number, cells };
    }
  } finally {
    await close();
  }
}
