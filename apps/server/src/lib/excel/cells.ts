/**
 * Cell values as the workbook reader gives them (rich text already joined, a formula as its
 * cached result, an error cell as null), reduced to plain values: strings trimmed, blanks null.
 */
import type { CellValue } from './workbook-reader';

export type PlainCell = CellValue;

/** Leading and trailing spaces of every kind (incl. U+3000, NBSP and zero-width characters). */
const EDGE_SPACES = /^[\s\u200B-\u200D\u2060\uFEFF]+|[\s\u200B-\u200D\u2060\uFEFF]+$/g;

export const trimAll = (s: string): string => s.replace(EDGE_SPACES, '');

/** The plain value of a cell; an empty or all-space string is null. */
export function plainCell(v: CellValue | undefined): PlainCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') {
    const s = trimAll(v);
    return s === '' ? null : s;
  }
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  return v;
}

/** Full-width ASCII to ASCII (Ａ→A, （→( …); the ideographic space to a space. */
const halfWidth = (s: string) =>
  s.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );

/**
 * A header as it is compared: half-width, lower case, without spaces, without required marks
 * (`*`, `★`) and without a bracketed remark at the end (`身份证号（必填）`, `入党时间[年月]`).
 */
export function normalizeHeader(text: string): string {
  return halfWidth(text)
    .replace(/[\s\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/[*★☆※]/g, '')
    .replace(/(\([^)]*\)|\[[^\]]*\]|【[^】]*】|<[^>]*>)+$/g, '')
    .replace(/[:：]$/, '')
    .toLowerCase();
}

/** A cell shown in a message or a report: dates as YYYY-MM-DD (their UTC day), the rest as text. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  return String(v);
}

/**
 * A value as an exported cell: text that a spreadsheet would run as a formula (starting with
 * = + - @, a tab or a carriage return) is written with a leading apostrophe, so it stays text.
 */
export const formulaSafe = (v: unknown): unknown =>
  typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
