/**
 * One column list for a spreadsheet a module reads and writes: each column's header, the other
 * headers real spreadsheets use for it, whether it is required, its width, how the template
 * shows it, the contract field it fills (so a rule's error names the column) and how an export
 * writes it from a record. The template, the import's header matching and error columns, and the
 * export's headers and values all come from it, so they cannot fall out of step.
 */
import { formulaSafe } from './cells';
import type { TableSpec } from './table-reader';
import type { SheetColumn } from './xlsx-writer';

export interface SheetColumnSpec<Row, Ctx> {
  /** The canonical header (模板列名). */
  header: string;
  /** Other headers that mean this column on import. */
  synonyms?: readonly string[];
  required?: boolean;
  /** Kept as text (long digit strings: ID numbers, phones). */
  text?: boolean;
  width: number;
  /** What to write, for the template's instructions. */
  hint?: string;
  /** The template's drop-down list for the column. */
  list?: string;
  /** The contract field the column fills, for errors found by the contract's rules. */
  field?: string;
  /** The cell an export writes for a record. */
  value: (row: Row, ctx: Ctx) => unknown;
  /** Written by exports only (a record's state), not part of the template or the import. */
  exportOnly?: boolean;
}

export interface SheetSpec<Row, Ctx> {
  /** The template's and the import's columns, in order. */
  columns: readonly SheetColumnSpec<Row, Ctx>[];
  headers: readonly string[];
  requiredHeaders: readonly string[];
  /** What the table reader needs: canonical headers and their synonyms. */
  table: TableSpec;
  /** The column of each contract field. */
  fieldColumns: Readonly<Record<string, string>>;
  /** An export's columns: the template's (so an export can be corrected and imported again), then the export-only ones. */
  exportColumns: readonly SheetColumn[];
  /** An export's row of cells, in `exportColumns` order. */
  exportValues(row: Row, ctx: Ctx): unknown[];
}

export function sheetSpec<Row, Ctx>(all: readonly SheetColumnSpec<Row, Ctx>[]): SheetSpec<Row, Ctx> {
  const columns = all.filter((c) => !c.exportOnly);
  const exported = [...columns, ...all.filter((c) => c.exportOnly)];
  return {
    columns,
    headers: columns.map((c) => c.header),
    requiredHeaders: columns.filter((c) => c.required).map((c) => c.header),
    table: { columns: Object.fromEntries(columns.map((c) => [c.header, c.synonyms ?? []])) },
    fieldColumns: Object.fromEntries(columns.filter((c) => c.field).map((c) => [c.field!, c.header])),
    exportColumns: exported.map((c) => ({
      header: c.header,
      width: c.width,
      ...(c.text ? { text: true } : {}),
    })),
    exportValues: (row, ctx) => exported.map((c) => formulaSafe(c.value(row, ctx))),
  };
}
