/**
 * Spreadsheet import (批量导入). Every row is validated first and nothing is written; a commit
 * reads the file again inside one transaction, validates again and writes all rows or none.
 * The file is streamed both times, so 100,000 rows never sit in memory as a workbook.
 */
import fs from 'node:fs';
import { type ImportError, type ImportReport, localIsoDate, type MemberCreateBody } from '@ningxin/shared';
import type { Config } from '../../config';
import type { Db, Executor } from '../../db/client';
import { isUniqueViolation } from '../../lib/db-errors';
import { cellText } from '../../lib/excel/cells';
import { BadWorkbookError, HeaderNotFoundError, openTable, type Table } from '../../lib/excel/table-reader';
import type { FieldCrypto } from '../../lib/field-crypto';
import { type Actor, assertHolds, can } from '../../policy/policy';
import { appendAudit, auditContextOf } from '../audit/audit.service';
import type { OrgsService } from '../orgs/orgs.service';
import { orgNotUsable } from './members.errors';
import {
  importBadFile,
  importConflict,
  importEmpty,
  importMissingColumns,
  importNeedsOrg,
  importNoHeader,
  importTooManyRows,
} from './members.excel.errors';
import { MEMBER_TABLE, REQUIRED_HEADERS } from './members.import.columns';
import { importableOrgs, orgFinder, placementTarget } from './members.import.orgs';
import { type ReportBuilder, RollBack, reportBuilder } from './members.import.report';
import { byColumn, parseMemberRow, type RowContext } from './members.import.row';
import { buildMemberRow } from './members.record';
import { type MemberInsert, membersRepository } from './members.repository';
import { memberTarget } from './members.scope';
import type { MembersService } from './members.service';

export interface MemberImportDeps {
  db: Db;
  config: Config;
  crypto: FieldCrypto;
  orgs: OrgsService;
  members: MembersService;
  limits?: { maxRows?: number; maxErrors?: number; batchSize?: number };
}

export interface ImportRequest {
  /** The uploaded file, spooled to disk. */
  path: string;
  fileName: string;
  orgId?: number | undefined;
  dryRun: boolean;
}

export interface ImportProgress {
  phase: 'validate' | 'commit';
  processed: number;
}
type OnProgress = (p: ImportProgress) => void;

interface Entry {
  row: number;
  body: MemberCreateBody | null;
  hash: string | null;
  /** The ID number cell as written, for the report. */
  idCell: string;
  errors: ImportError[];
  /** An earlier row has the same ID number: the base check is that row's. */
  repeated: boolean;
}

export function createMemberImport({ db, config, crypto, orgs, members, limits = {} }: MemberImportDeps) {
  const maxRows = limits.maxRows ?? 200_000;
  const maxErrors = limits.maxErrors ?? 10_000;
  const batchSize = limits.batchSize ?? 1000;

  async function importableOrg(executor: Executor, actor: Actor, orgId: number) {
    const org = await orgs.lookup(executor, orgId);
    if (!org || org.closedAt || !can(actor, 'member.import', placementTarget(org.path))) throw orgNotUsable();
    return org;
  }

  async function open(path: string): Promise<Table> {
    const head = Buffer.alloc(8);
    const fd = await fs.promises.open(path, 'r');
    try {
      await fd.read(head, 0, 8, 0);
    } finally {
      await fd.close();
    }
    if (head.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) throw importBadFile(true);
    if (!head.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) throw importBadFile();
    try {
      return await openTable(fs.createReadStream(path), MEMBER_TABLE);
    } catch (err) {
      if (err instanceof HeaderNotFoundError) throw importNoHeader();
      if (err instanceof BadWorkbookError) throw importBadFile();
      throw err;
    }
  }

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

  /**
   * Reads every row: its own rules, repeats inside the file, duplicates in the base (checked
   * through `executor`, in batches). Clean rows are handed to `onClean` batch by batch.
   */
  async function scan(
    actor: Actor,
    table: Table,
    ctx: RowContext,
    executor: Executor,
    onClean: (entries: Entry[], fileClean: boolean) => Promise<void>,
    onProgress: (processed: number) => void,
  ) {
    const report = reportBuilder(maxErrors);
    const firstRow = new Map<string, number>();
    let batch: Entry[] = [];
    const flush = async () => {
      const hashes = batch.filter((e) => e.hash && !e.repeated).map((e) => e.hash!);
      const existing = await membersRepository.findByIdHashes(executor, hashes);
      const clean: Entry[] = [];
      for (const e of batch) {
        const hit = e.hash && !e.repeated ? existing.get(e.hash) : undefined;
        if (hit) e.errors.push(duplicateOf(actor, e, hit));
        if (e.errors.length) report.add(e.errors.sort(byColumn));
        else clean.push(e);
      }
      report.valid(clean.length);
      batch = [];
      if (clean.length) await onClean(clean, report.clean);
    };
    for await (const { row, cells } of table.rows) {
      if (report.row() > maxRows) throw importTooManyRows(maxRows);
      const parsed = parseMemberRow(row, cells, ctx);
      const hash = parsed.idNumber ? members.hashes.idNumber(parsed.idNumber) : null;
      const idCell = cellText(cells.身份证号);
      const entry: Entry = { row, body: parsed.body, hash, idCell, errors: parsed.errors, repeated: false };
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
      batch.push(entry);
      if (batch.length >= batchSize) {
        await flush();
        onProgress(report.total);
      }
    }
    await flush();
    return report;
  }

  return {
    /** Throws 403 unless the actor may import somewhere (before the upload is read). */
    authorize(actor: Actor) {
      assertHolds(actor, 'member.import');
    },

    /**
     * Checks what must hold before any row is read — the permission, the chosen org, the file's
     * header — and returns the import ready to run. Throws the request's 4xx errors.
     */
    async prepare(actor: Actor, req: ImportRequest) {
      assertHolds(actor, 'member.import');
      const defaultOrg = req.orgId ? await importableOrg(db, actor, req.orgId) : null;
      const first = await open(req.path);
      const candidates = await importableOrgs(db, orgs, actor).catch(async (err) => {
        await first.close();
        throw err;
      });
      const missing = REQUIRED_HEADERS.filter((h) => !first.columns.includes(h));
      if (missing.length || (!defaultOrg && !first.columns.includes('所在党组织'))) {
        await first.close();
        throw missing.length ? importMissingColumns(missing) : importNeedsOrg();
      }
      const ctx: RowContext = {
        homeCity: config.homeCity,
        hostCity: config.hostCity,
        findOrg: orgFinder(candidates),
        defaultOrgId: defaultOrg?.id ?? null,
      };

      const commit = async (onProgress: OnProgress): Promise<ImportReport> => {
        const table = await open(req.path);
        const today = localIsoDate(new Date());
        let imported = 0;
        try {
          return await db.transaction(async (tx) => {
            // Orgs are read again inside the transaction (only through `tx`): one may have
            // closed or moved since the rows were validated.
            const orgPaths = new Map<number, Promise<string>>();
            const orgPath = (id: number) => {
              let path = orgPaths.get(id);
              if (!path) {
                path = importableOrg(tx, actor, id).then((org) => org.path);
                orgPaths.set(id, path);
              }
              return path;
            };
            if (defaultOrg) await orgPath(defaultOrg.id);
            const insert = async (entries: Entry[], fileClean: boolean) => {
              if (!fileClean) return; // it will be rolled back: keep reading only to report
              const values: MemberInsert[] = [];
              for (const e of entries) {
                const org = { id: e.body!.orgId, path: await orgPath(e.body!.orgId) };
                values.push(buildMemberRow(crypto, e.body!, org, today));
              }
              imported += await membersRepository.insertWithFirstEvent(tx, values, {
                toStatus: 'active',
                effectiveDate: today,
                reason: '批量导入',
                actorId: actor.userId,
                actorName: actor.username,
              });
            };
            const report = await scan(actor, table, ctx, tx, insert, (processed) =>
              onProgress({ phase: 'commit', processed }),
            );
            if (!report.clean) throw new RollBack(report.done());
            await appendAudit(tx, auditContextOf(actor), {
              action: 'member.imported',
              targetType: 'org',
              targetId: defaultOrg?.id ?? null,
              targetLabel: defaultOrg?.name ?? null,
              after: { count: imported, fileName: req.fileName, orgId: defaultOrg?.id ?? null },
            });
            return report.done(true, imported);
          });
        } catch (err) {
          if (err instanceof RollBack) return err.report;
          if (isUniqueViolation(err, 'members_id_hash_idx')) throw importConflict();
          throw err;
        } finally {
          await table.close();
        }
      };

      return {
        /** Validates every row; then, unless a dry run or any row is bad, commits. */
        async run(onProgress: OnProgress = () => {}): Promise<ImportReport> {
          let report: ReportBuilder;
          try {
            report = await scan(
              actor,
              first,
              ctx,
              db,
              async () => {},
              (processed) => onProgress({ phase: 'validate', processed }),
            );
          } finally {
            await first.close();
          }
          const validated = report.done();
          if (validated.total === 0) throw importEmpty();
          if (req.dryRun || !report.clean) return validated;
          return commit(onProgress);
        },
      };
    },
  };
}

export type MemberImport = ReturnType<typeof createMemberImport>;
