/**
 * Reads one table out of an .xlsx file (workbook-reader): the workbook is never held whole, rows
 * arrive one at a time. The table is the first visible sheet, in tab order, with a header row —
 * the first of its first rows that names at least `minMatches` known columns — so title rows and
 * merged title cells above the header are skipped. Header synonyms map to canonical
 * column names; empty rows are skipped; strings are trimmed.
 */
import type { Readable } from 'node:stream';
import { normalizeHeader, type PlainCell, plainCell } from './cells';
import { type CellValue, openWorkbook, type SheetRow, type Workbook } from './workbook-reader';

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
  values: readonly (CellValue | undefined)[],
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

/** Wraps the reading of a sheet so that its failures read as a bad workbook. */
async function step<T>(it: AsyncIterator<T>): Promise<IteratorResult<T>> {
  try {
    return await it.next();
  } catch (err) {
    throw new BadWorkbookError(err);
  }
}

/**
 * Opens the table of a workbook: a file path, or a stream (a stream of a whole file is read from
 * that file; any other is copied to a temporary file first). Resolves once the header row is
 * found (so a file without one fails before any row is processed); rejects with
 * HeaderNotFoundError or BadWorkbookError.
 */
export async function openTable(input: string | Readable, spec: TableSpec): Promise<Table> {
  const index = headerIndex(spec);
  const minMatches = spec.minMatches ?? 3;
  const scanRows = spec.scanRows ?? 10;
  // The input is a local file: a read error is not expected, and must never crash the process.
  if (typeof input !== 'string') input.on('error', () => {});
  let workbook: Workbook;
  try {
    workbook = await openWorkbook(input);
  } catch (err) {
    throw new BadWorkbookError(err);
  }
  let current: AsyncGenerator<SheetRow, void, undefined> | null = null;
  let closed = false;
  /** Stops reading the sheet and releases the file. */
  const close = async () => {
    if (closed) return;
    closed = true;
    try {
      await current?.return();
    } catch {
      // the file is being abandoned; nothing more to report
    } finally {
      await workbook.close();
    }
  };

  try {
    if (workbook.sheets.length === 0) throw new BadWorkbookError();
    for (const sheet of workbook.sheets) {
      if (sheet.hidden) continue;
      const rows = workbook.rows(sheet);
      current = rows;
      let header: ReturnType<typeof matchHeader> = null;
      let headerRow = 0;
      for (;;) {
        const r = await step(rows);
        if (r.done || r.value.number > scanRows) break;
        header = matchHeader(r.value.values, index, minMatches);
        if (header) {
          headerRow = r.value.number;
          break;
        }
      }
      if (!header) {
        await rows.return();
        continue;
      }
      return {
        sheetName: sheet.name,
        headerRow,
        columns: [...header.byColumn.values()],
        unknownHeaders: header.unknown,
        rows: dataRows(rows, header.byColumn, close),
        close,
      };
    }
    throw new HeaderNotFoundError();
  } catch (err) {
    await close();
    throw err;
  }
}

async function* dataRows(
  rows: AsyncIterator<SheetRow>,
  byColumn: Map<number, string>,
  close: () => Promise<void>,
): AsyncGenerator<TableRow, void, undefined> {
  try {
    for (;;) {
      const r = await step(rows);
      if (r.done) return;
      const cells: Record<string, PlainCell> = {};
      let any = false;
      for (const [col, name] of byColumn) {
        const v = plainCell(r.value.values[col]);
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
