/**
 * The validation pass of an import: every row read and parsed, repeats inside the file found,
 * duplicates in the base looked up a batch at a time (while the next batch is read), the
 * report built row by row.
 */
import type { ImportError, MemberCreateBody } from '@ningxin/shared';
import type { Db } from '../../../db/client';
import { cellText } from '../../../lib/excel/cells';
import type { Table, TableRow } from '../../../lib/excel/table-reader';
import { type Actor, can } from '../../../policy/policy';
import type { ParsedId } from '../record/members.record';
import { memberTarget } from '../record/members.scope';
import { importTooManyRows } from './members.excel.errors';
import { reportBuilder } from './members.import.report';
import { memberImportRepository } from './members.import.repository';
import { byColumn, type ParsedRow, type RowParser } from './members.import.row';

interface Entry {
  row: number;
  body: MemberCreateBody | null;
  /** The ID number as parsed, with `body`. */
  id: ParsedId | null;
  hash: string | null;
  /** The ID number cell as written, for the report. */
  idCell: string;
  errors: ImportError[];
  /** An earlier row has the same ID number: the base check is that row's. */
  repeated: boolean;
}

/** A row that passed every check: its Excel row number, its values and its parsed ID number. */
export interface CleanRow {
  row: number;
  body: MemberCreateBody;
  id: ParsedId;
}

export interface ScanDeps {
  db: Db;
  /** The keyed hash of a normalised ID number. */
  hashIdNumber(idNumber: string): string;
  maxRows: number;
  maxErrors: number;
  batchSize: number;
}

export function createScanner({ db, hashIdNumber, maxRows, maxErrors, batchSize }: ScanDeps) {
  /** The duplicate error of a row whose ID number is in the base; outside the scope it names no one. */
  function duplicateOf(
    actor: Actor,
    e: Entry,
    existing: { id: number; name: string; orgPath: string; homeCounty: string; hostDistrict: string | null },
  ): ImportError {
    const visible = can(actor, 'member.read', memberTarget(existing));
    return {
      row: e.row,
      column: '身份证号',
      value: e.idCell,
      code: 'MEMBER_DUPLICATE',
      message: visible
        ? `该身份证号已登记为党员 ${existing.name}（档案编号 ${existing.id}），请勿重复导入`
        : '该党员已在其他党组织登记，请联系流动党委办公室核实',
    };
  }

  /** A row as read and parsed, with its ID number's hash and a repeat of an earlier row flagged. */
  function entryOf(
    row: number,
    cells: TableRow['cells'],
    parsed: ParsedRow,
    firstRow: Map<string, number>,
  ): Entry {
    const hash = parsed.idNumber ? hashIdNumber(parsed.idNumber) : null;
    const idCell = cellText(cells.身份证号);
    const { id } = parsed;
    const entry: Entry = {
      row,
      body: parsed.body,
      id: id ? { idNumber: id.idNumber, birthDate: id.birthDate, gender: id.gender, idHash: hash! } : null,
      hash,
      idCell,
      errors: parsed.errors,
      repeated: false,
    };
    const first = hash ? firstRow.get(hash) : undefined;
    if (first !== undefined) {
      entry.repeated = true;
      entry.errors.push({
        row,
        column: '身份证号',
        value: idCell,
        code: 'DUPLICATE_IN_FILE',
        message: `与第 ${first} 行的身份证号重复`,
      });
    } else if (hash) firstRow.set(hash, row);
    return entry;
  }

  /**
   * Reads every row: its own rules, repeats inside the file, duplicates in the base (checked in
   * batches; a batch's look-up runs while the next batch is read). The clean rows of a file
   * clean so far are handed to `onClean` batch by batch, in order.
   */
  async function scan(
    actor: Actor,
    table: Table,
    parse: RowParser,
    onClean: ((rows: CleanRow[]) => Promise<void>) | null,
    onProgress: (processed: number) => void,
  ) {
    const report = reportBuilder(maxErrors);
    const firstRow = new Map<string, number>();
    /** The settling of the last batch (its duplicates looked up, its rows reported). */
    let pending = null as Promise<void> | null;
    const settle = (batch: Entry[], processed: number, full: boolean) => {
      const hashes: string[] = [];
      for (const e of batch) if (e.hash && !e.repeated) hashes.push(e.hash);
      const lookup = memberImportRepository.findByIdHashes(db, hashes);
      const previous = pending;
      pending = (async () => {
        const existing = await lookup;
        await previous;
        const clean: CleanRow[] = [];
        for (const e of batch) {
          const hit = e.hash && !e.repeated ? existing.get(e.hash) : undefined;
          if (hit) e.errors.push(duplicateOf(actor, e, hit));
          if (e.errors.length) report.add(e.errors.length > 1 ? e.errors.sort(byColumn) : e.errors);
          else clean.push({ row: e.row, body: e.body!, id: e.id! });
        }
        report.valid(clean.length);
        if (onClean && clean.length && report.clean) await onClean(clean);
        if (full) onProgress(processed);
      })();
      // Read on; a failed look-up is reported when the batch is settled, below or at the end.
      pending.catch(() => undefined);
    };
    let batch: Entry[] = [];
    try {
      for await (const { row, cells } of table.rows) {
        if (report.row() > maxRows) throw importTooManyRows(maxRows);
        batch.push(entryOf(row, cells, parse(row, cells), firstRow));
        if (batch.length >= batchSize) {
          // At most one batch waits for its look-up while the next one is read.
          await pending;
          settle(batch, report.total, true);
          batch = [];
        }
      }
    } catch (err) {
      await pending?.catch(() => undefined);
      throw err;
    }
    settle(batch, report.total, false);
    await pending;
    return report;
  }

  return scan;
}
