/**
 * The pieces documents are made of: a title, a form of labelled fields in sections, a data
 * table, paragraphs, notes and signature lines. Each returns plain pdfmake content; values are
 * always set as text (never read as markup), and a missing value prints as an empty box.
 */
import type { Content, TableCell } from 'pdfmake/interfaces';
import { MUTED_COLOR, TABLE_LAYOUTS } from './pdf-document';

/** A value as printed: an empty value leaves the box blank, to be filled in by hand. */
export type PdfValue = string | number | null | undefined;
const show = (v: PdfValue) => (v === null || v === undefined ? '' : String(v));

const LABEL_FILL = '#f5f5f5';
const HEADING_FILL = '#e8e8e8';

/** The document's title, centred, with an optional line under it. */
export function title(text: string, subtitle?: string): Content {
  return {
    stack: [
      { text, fontSize: 18, bold: true, alignment: 'center', characterSpacing: 2 },
      ...(subtitle
        ? [{ text: subtitle, fontSize: 9, color: MUTED_COLOR, alignment: 'center' as const }]
        : []),
    ],
    margin: [0, 0, 0, 12],
  };
}

export interface FormField {
  label: string;
  value: PdfValue;
  /** Takes the whole width of the form (an address, a path, notes). */
  wide?: boolean;
}

export interface FormSection {
  heading: string;
  fields: FormField[];
}

export interface FormOptions {
  sections: FormSection[];
  /** A box beside the first rows of the first section (贴照片处), with its label. */
  photo?: { label: string; rows: number };
}

/** The size of a form's text (a little under the body's, so that a member's form fits a page). */
export const FORM_FONT_SIZE = 10;

const LABEL_WIDTH = 64;
const PHOTO_WIDTH = 84;

const labelCell = (label: string): TableCell => ({
  text: label,
  fillColor: LABEL_FILL,
  alignment: 'center',
});
const valueCell = (value: PdfValue, colSpan = 1): TableCell => ({
  text: show(value),
  ...(colSpan > 1 ? { colSpan } : {}),
});

/** Fields two to a row (label, value, label, value); a wide field has a row to itself. */
function fieldRows(fields: FormField[]): TableCell[][] {
  const rows: TableCell[][] = [];
  let open: FormField | null = null;
  const closeOpen = () => {
    if (!open) return;
    rows.push([labelCell(open.label), valueCell(open.value), labelCell(''), valueCell('')]);
    open = null;
  };
  for (const f of fields) {
    if (f.wide) {
      closeOpen();
      rows.push([labelCell(f.label), valueCell(f.value, 3), {}, {}]);
    } else if (open) {
      rows.push([labelCell(open.label), valueCell(open.value), labelCell(f.label), valueCell(f.value)]);
      open = null;
    } else {
      open = f;
    }
  }
  closeOpen();
  return rows;
}

/** Widens a four-cell row to five: its last value cell spans the photo column. */
function widen(row: TableCell[]): TableCell[] {
  const cells = [...row];
  const last = cells.findLastIndex((c) => typeof c === 'object' && c !== null && 'text' in c);
  const cell = cells[last] as Exclude<TableCell, string | number>;
  const span = ('colSpan' in cell && typeof cell.colSpan === 'number' ? cell.colSpan : 1) + 1;
  cells[last] = { ...cell, colSpan: span } as TableCell;
  return [...cells, {}];
}

/** A form: sections of labelled boxes, each section under a shaded heading; a table for the eye. */
export function formTable({ sections, photo }: FormOptions): Content {
  const columns = photo ? 5 : 4;
  const body: TableCell[][] = [];
  sections.forEach((section, s) => {
    body.push([
      { text: section.heading, bold: true, fillColor: HEADING_FILL, colSpan: columns },
      ...Array.from({ length: columns - 1 }, () => ({})),
    ]);
    const rows = fieldRows(section.fields);
    const photoRows = photo && s === 0 ? Math.min(photo.rows, rows.length) : 0;
    rows.forEach((row, r) => {
      if (!photo) body.push(row);
      else if (r === 0 && photoRows > 0)
        body.push([
          ...row,
          {
            text: photo.label,
            rowSpan: photoRows,
            alignment: 'center',
            color: MUTED_COLOR,
            margin: [0, Math.max(0, photoRows * 10 - 8), 0, 0],
          },
        ]);
      else if (r < photoRows) body.push([...row, {}]);
      else body.push(widen(row));
    });
  });
  const widths = [LABEL_WIDTH, '*', LABEL_WIDTH, '*', ...(photo ? [PHOTO_WIDTH] : [])];
  return {
    table: { widths, body, dontBreakRows: true },
    layout: TABLE_LAYOUTS.form,
    fontSize: FORM_FONT_SIZE,
  };
}

/** A table of data (a report's rows): a header row repeated on every page. */
export function dataTable(
  headers: string[],
  rows: PdfValue[][],
  widths?: (number | '*' | 'auto')[],
): Content {
  return {
    table: {
      headerRows: 1,
      widths: widths ?? headers.map(() => '*'),
      body: [
        headers.map((h) => ({ text: h, bold: true, fillColor: LABEL_FILL })),
        ...rows.map((r) => r.map((v) => ({ text: show(v) }))),
      ],
    },
    layout: TABLE_LAYOUTS.data,
  };
}

export function paragraph(text: string): Content {
  return { text, margin: [0, 0, 0, 8] };
}

/** Small grey text: how to read a form, where data comes from. */
export function note(text: string): Content {
  return { text, fontSize: 8.5, color: MUTED_COLOR, margin: [0, 6, 0, 0] };
}

/** A line to sign on, and one to date by hand. */
export interface SignatureLine {
  label: string;
  dateLabel?: string;
}

export function signatures(lines: SignatureLine[]): Content {
  return {
    margin: [0, 20, 0, 0],
    stack: lines.map((l) => ({
      margin: [0, 0, 0, 14],
      columns: [
        { width: '*', text: `${l.label}：________________________` },
        ...(l.dateLabel ? [{ width: 'auto', text: `${l.dateLabel}：________年____月____日` }] : []),
      ],
    })),
  };
}
