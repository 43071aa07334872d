/**
 * The XML parts of an .xlsx read as they stream: relationships, the workbook, the styles, the
 * shared strings and the rows of a sheet. Elements are matched by local name (the OpenXML SDK
 * writes `<x:row>`); text is decoded as UTF-8 across chunk boundaries; phonetic runs (`<rPh>`)
 * are not part of a string; a row or cell without its reference follows the one before it.
 */
import path from 'node:path';
import type { Readable } from 'node:stream';
import { SaxesParser } from 'saxes';

export type CellValue = string | number | boolean | Date | null;

export interface SheetRow {
  /** The 1-based row number, as Excel shows it. */
  number: number;
  /** The row's cells by 1-based column number (A = 1); empty cells are holes. */
  values: CellValue[];
}

type XmlEvent =
  | { kind: 'open'; name: string; attrs: Record<string, string> }
  | { kind: 'text'; text: string }
  | { kind: 'close'; name: string };

const localName = (qname: string) => qname.slice(qname.indexOf(':') + 1);

/**
 * The most characters read without a single tag completing. A cell holds at most 32,767
 * characters (each at most 6 as an XML entity); anything longer is a part built to exhaust the
 * memory (a small zip that inflates to gigabytes of one text or one tag), refused as it streams.
 */
export const MAX_XML_SPAN = 4 * 1024 * 1024;

/** A part's XML events, a chunk's worth at a time. Ending the iteration destroys the stream. */
async function* xmlEvents(stream: Readable): AsyncGenerator<XmlEvent[], void, undefined> {
  const parser = new SaxesParser();
  let events: XmlEvent[] = [];
  let span = 0;
  parser.on('opentag', (t) =>
    events.push({ kind: 'open', name: localName(t.name), attrs: t.attributes as Record<string, string> }),
  );
  parser.on('text', (text) => events.push({ kind: 'text', text }));
  parser.on('cdata', (text) => events.push({ kind: 'text', text }));
  parser.on('closetag', (t) => events.push({ kind: 'close', name: localName(t.name) }));
  stream.setEncoding('utf8'); // a character split between two chunks is carried over
  try {
    for await (const chunk of stream) {
      parser.write(chunk as string);
      span = events.length > 0 ? 0 : span + (chunk as string).length;
      if (span > MAX_XML_SPAN) throw new Error(`more than ${MAX_XML_SPAN} characters without a tag`);
      yield events;
      events = [];
    }
    parser.close();
    yield events;
  } finally {
    stream.destroy();
  }
}

/** Reads a whole (small) part, event by event. */
async function eachEvent(stream: Readable, on: (e: XmlEvent) => void): Promise<void> {
  for await (const events of xmlEvents(stream)) for (const e of events) on(e);
}

/** `_xHHHH_` escapes a character XML cannot hold (Excel writes a carriage return as `_x000D_`). */
const unescapeXstring = (s: string) =>
  s.includes('_x')
    ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : s;

/**
 * A cell's text as it grows: a cell holds at most 32,767 characters, so beyond 8 times that (room
 * for `_xHHHH_` escapes and rich-text runs) the part was built to exhaust the memory, one text
 * split into countless CDATA sections or runs.
 */
export const MAX_CELL_CHARACTERS = 8 * 32_767;

function cellText(text: string, total: number): string {
  if (total > MAX_CELL_CHARACTERS) throw new Error(`a cell of more than ${MAX_CELL_CHARACTERS} characters`);
  return text;
}

/**
 * The text of a string item (`<si>` of the shared strings, `<is>` of an inline string): its
 * `<t>`, or the `<t>` of each rich-text run, but not those of phonetic runs nor the spaces
 * between elements.
 */
class StringItem {
  private parts: string[] = [];
  private length = 0;
  private inText = false;
  private phonetic = 0;

  /** Returns true when the event belonged to the item. */
  take(e: XmlEvent): boolean {
    if (e.kind === 'text') {
      if (this.inText) {
        this.length += e.text.length;
        this.parts.push(cellText(e.text, this.length));
      }
      return this.inText;
    }
    const open = e.kind === 'open';
    if (e.name === 'rPh') this.phonetic += open ? 1 : -1;
    else if (e.name === 't') this.inText = open && this.phonetic === 0;
    else return false;
    return true;
  }

  text(): string {
    return unescapeXstring(this.parts.join(''));
  }
}

export interface Relationship {
  /** The last segment of the type URI: `worksheet`, `sharedStrings`, `officeDocument`… */
  type: string;
  /** The target part's name in the zip, resolved against the source part. */
  part: string;
}

/** The part a relationship points to: relative to the source's folder, or absolute (`/xl/…`). */
function resolveTarget(sourceDir: string, target: string): string {
  let t = target.replace(/\\/g, '/');
  try {
    t = decodeURIComponent(t);
  } catch {
    // not percent-encoded after all
  }
  return (t.startsWith('/') ? path.posix.normalize(t) : path.posix.join('/', sourceDir, t)).slice(1);
}

/** A relationships part: rId → relationship (external targets left out). */
export async function readRelationships(
  stream: Readable,
  sourceDir: string,
): Promise<Map<string, Relationship>> {
  const rels = new Map<string, Relationship>();
  await eachEvent(stream, (e) => {
    if (e.kind !== 'open' || e.name !== 'Relationship' || e.attrs.TargetMode === 'External') return;
    const { Id, Type, Target } = e.attrs;
    if (Id && Type && Target)
      rels.set(Id, { type: Type.slice(Type.lastIndexOf('/') + 1), part: resolveTarget(sourceDir, Target) });
  });
  return rels;
}

export interface SheetEntry {
  name: string;
  hidden: boolean;
  /** The sheet's relationship id. */
  rId: string;
}

/** The workbook part: its sheets in order, and whether dates count from 1904. */
export async function readWorkbookPart(
  stream: Readable,
): Promise<{ sheets: SheetEntry[]; date1904: boolean }> {
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  await eachEvent(stream, (e) => {
    if (e.kind !== 'open') return;
    if (e.name === 'workbookPr') date1904 = e.attrs.date1904 === '1' || e.attrs.date1904 === 'true';
    if (e.name !== 'sheet') return;
    // r:id, whatever the prefix bound to the relationships namespace
    const rId = Object.entries(e.attrs).find(([k]) => k.endsWith(':id'))?.[1];
    const state = e.attrs.state;
    if (rId)
      sheets.push({ name: e.attrs.name ?? '', hidden: state === 'hidden' || state === 'veryHidden', rId });
  });
  return { sheets, date1904 };
}

/** Built-in number formats that show a date or time (ECMA-376 18.8.30, East Asian ones included). */
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/** A format code shows a date when, outside quoted text and `[…]` sections, it has y, m, d, h or s. */
const isDateFormat = (code: string) =>
  /[ymdhs]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '').replace(/General/gi, ''));

/** The styles part: for each cell format (the `s` of a cell), whether it shows a date. */
export async function readDateStyles(stream: Readable): Promise<boolean[]> {
  const codes = new Map<number, string>();
  const formatIds: number[] = [];
  let section = '';
  await eachEvent(stream, (e) => {
    if (e.kind === 'close') {
      if (e.name === section) section = '';
      return;
    }
    if (e.kind !== 'open') return;
    if (e.name === 'numFmts' || e.name === 'cellXfs') section = e.name;
    else if (section === 'numFmts' && e.name === 'numFmt')
      codes.set(Number(e.attrs.numFmtId), e.attrs.formatCode ?? '');
    else if (section === 'cellXfs' && e.name === 'xf') formatIds.push(Number(e.attrs.numFmtId ?? 0));
  });
  return formatIds.map((id) => {
    const code = codes.get(id);
    return code === undefined ? BUILTIN_DATE_FORMATS.has(id) : isDateFormat(code);
  });
}

/**
 * What the shared strings may hold, which are kept in memory for the reading of the sheet: far
 * above a sheet of the largest import (200,000 rows), far below what would exhaust the server.
 */
export const MAX_SHARED_STRINGS = 2_000_000;
export const MAX_SHARED_CHARACTERS = 64 * 1024 * 1024;

/** The shared-strings part, as plain text (rich-text runs joined). */
export async function readSharedStrings(stream: Readable): Promise<string[]> {
  const strings: string[] = [];
  let characters = 0;
  let item: StringItem | null = null;
  await eachEvent(stream, (e) => {
    if (item?.take(e)) return;
    if (e.kind === 'open' && e.name === 'si') item = new StringItem();
    else if (e.kind === 'close' && e.name === 'si' && item) {
      const text = item.text();
      characters += text.length;
      if (strings.length >= MAX_SHARED_STRINGS || characters > MAX_SHARED_CHARACTERS)
        throw new Error('too many shared strings');
      strings.push(text);
      item = null;
    }
  });
  return strings;
}

export interface SheetContext {
  /** The shared strings; null when the workbook has none. */
  strings: readonly string[] | null;
  dateStyles: readonly boolean[];
  date1904: boolean;
}

const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

function rowNumber(r: string): number {
  const n = Number(r);
  if (!Number.isInteger(n) || n < 1 || n > MAX_ROW) throw new Error(`bad row number ${r}`);
  return n;
}

/** A row or cell without its reference takes the next place, which must be on the sheet. */
function implicit(next: number, max: number): number {
  if (next > max) throw new Error(`beyond the sheet's last ${max === MAX_ROW ? 'row' : 'column'}`);
  return next;
}

/** The column of a cell reference (`B3`, `$AA$10`): A = 1. */
function columnNumber(ref: string): number {
  const letters = /^\$?([A-Za-z]{1,3})\$?\d*$/.exec(ref)?.[1];
  if (!letters) throw new Error(`bad cell reference ${ref}`);
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  if (n > MAX_COLUMN) throw new Error(`bad cell reference ${ref}`);
  return n;
}

/** An ISO 8601 date (`t="d"`), at UTC when no zone is given; other text stays text. */
function isoDate(text: string): Date | string {
  const m = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(text.trim());
  if (!m) return text;
  const d = new Date(`${m[1]}${m[2] ?? 'T00:00'}${m[3] ?? 'Z'}`);
  return Number.isNaN(d.getTime()) ? text : d;
}

/** A serial day number as a date (at UTC, as exceljs reads it). */
const serialDate = (n: number, date1904: boolean) =>
  new Date(Math.round((n - 25_569 + (date1904 ? 1462 : 0)) * 86_400_000));

interface Cell {
  column: number;
  type: string;
  style: number;
  /** The text of `<v>`, null without one. */
  value: string | null;
  inValue: boolean;
  inline: StringItem | null;
}

/** A cell's value by its type (`t`); a formula cell's is its cached result. */
function cellValue(c: Cell, ctx: SheetContext): CellValue {
  const v = c.value;
  switch (c.type) {
    case 's': {
      if (v === null || v.trim() === '') return null;
      const s = ctx.strings?.[Number(v)];
      if (s === undefined) throw new Error(`no shared string ${v}`);
      return s;
    }
    case 'inlineStr':
      return c.inline ? c.inline.text() : v === null ? null : unescapeXstring(v);
    case 'str':
      return v === null ? null : unescapeXstring(v);
    case 'b':
      return v === null ? null : v.trim() === '1' || v.trim() === 'true';
    case 'e':
      return null;
    case 'd':
      return v === null ? null : isoDate(v);
    default: {
      if (v === null || v.trim() === '') return null;
      const n = Number(v);
      if (!Number.isFinite(n)) throw new Error(`not a number: ${v}`);
      return ctx.dateStyles[c.style] ? serialDate(n, ctx.date1904) : n;
    }
  }
}

/** The rows of a worksheet part, one at a time. Ending the iteration destroys the stream. */
export async function* readSheetRows(
  stream: Readable,
  ctx: SheetContext,
): AsyncGenerator<SheetRow, void, undefined> {
  let row: SheetRow | null = null;
  let cell: Cell | null = null;
  let nextRow = 1;
  let nextColumn = 1;
  for await (const events of xmlEvents(stream)) {
    const done: SheetRow[] = [];
    for (const e of events) {
      if (cell?.inline?.take(e)) continue;
      if (e.kind === 'text') {
        if (cell?.inValue) cell.value += cellText(e.text, (cell.value ?? '').length + e.text.length);
      } else if (e.kind === 'open') {
        if (e.name === 'row') {
          row = { number: e.attrs.r ? rowNumber(e.attrs.r) : implicit(nextRow, MAX_ROW), values: [] };
          nextColumn = 1;
        } else if (e.name === 'c' && row) {
          const column = e.attrs.r ? columnNumber(e.attrs.r) : implicit(nextColumn, MAX_COLUMN);
          nextColumn = column + 1;
          const type = e.attrs.t ?? 'n';
          cell = { column, type, style: Number(e.attrs.s ?? 0), value: null, inValue: false, inline: null };
        } else if (e.name === 'v' && cell) {
          cell.value = '';
          cell.inValue = true;
        } else if (e.name === 'is' && cell) cell.inline = new StringItem();
      } else if (e.name === 'c' && row && cell) {
        const value = cellValue(cell, ctx);
        if (value !== null) row.values[cell.column] = value;
        cell = null;
      } else if (e.name === 'row' && row) {
        done.push(row);
        nextRow = row.number + 1;
        row = null;
      } else if (e.name === 'v' && cell) cell.inValue = false;
    }
    yield* done;
  }
}
