/**
 * Spreadsheet import (批量导入). Every row is validated first and nothing is written; a commit
 * keeps the validated rows aside (members.import.spool) and then, in one transaction, checks
 * again the orgs they go to and writes all rows or none; a row that someone registered in the
 * meantime fails the whole commit on the ID number's unique index. The file is streamed, so
 * 100,000 rows never sit in memory as a workbook.
 */
import fs from 'node:fs';
import { type ImportReport, localIsoDate } from '@ningxin/shared';
import type { Config } from '../../../config';
import type { Db, Executor } from '../../../db/client';
import { isUniqueViolation } from '../../../lib/db-errors';
import type { EventBus } from '../../../lib/events';
import {
  BadWorkbookError,
  HeaderNotFoundError,
  openTable,
  type Table,
} from '../../../lib/excel/table-reader';
import type { FieldCrypto } from '../../../lib/field-crypto';
import type { ImportOutcome, Metrics } from '../../../lib/metrics';
import { type Actor, assertHolds, coversOrgPath } from '../../../policy/policy';
import { audited } from '../../audit/audit.service';
import type { OrgsService } from '../../orgs/orgs.service';
import { orgNotUsable } from '../members.errors';
import { statusChangedOf } from '../members.events';
import { MEMBER_TABLE, REQUIRED_HEADERS } from '../members.sheet';
import type { MembersService } from '../record/members.service';
import {
  importBadFile,
  importConflict,
  importEmpty,
  importMissingColumns,
  importNeedsOrg,
  importNoHeader,
} from './members.excel.errors';
import { importableOrgs, orgFinder } from './members.import.orgs';
import type { ReportBuilder } from './members.import.report';
import { createRowParser, type RowContext } from './members.import.row';
import { createScanner } from './members.import.scan';
import { createSpool, type Spool } from './members.import.spool';
import { writeSpooled } from './members.import.write';

export interface MemberImportDeps {
  db: Db;
  config: Config;
  crypto: FieldCrypto;
  orgs: OrgsService;
  members: MembersService;
  /** Publishes `member.status_changed` for the new records in the commit's transaction. */
  events: EventBus;
  limits?: { maxRows?: number; maxErrors?: number; batchSize?: number };
  /** Times each import, by how it ended. */
  metrics?: Pick<Metrics, 'observeImport'>;
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

export function createMemberImport({
  db,
  config,
  crypto,
  orgs,
  members,
  events,
  limits = {},
  metrics,
}: MemberImportDeps) {
  const batchSize = limits.batchSize ?? 1000;
  const scan = createScanner({
    db,
    hashIdNumber: members.hashes.idNumber,
    maxRows: limits.maxRows ?? 200_000,
    maxErrors: limits.maxErrors ?? 10_000,
    batchSize,
  });

  async function importableOrg(executor: Executor, actor: Actor, orgId: number) {
    const org = await orgs.lookup(executor, orgId);
    if (!org || org.closedAt || !coversOrgPath(actor, 'member.import', org.path)) throw orgNotUsable();
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

      const parse = createRowParser(ctx);

      const commit = async (
        spool: Spool,
        validated: ReportBuilder,
        onProgress: OnProgress,
      ): Promise<ImportReport> => {
        const today = localIsoDate(new Date());
        try {
          return await audited(db, actor, async (tx, audit) => {
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
            const written = await writeSpooled(tx, crypto, spool, {
              batchSize,
              today,
              orgPath,
              event: { reason: '批量导入', actorId: actor.userId, actorName: actor.username },
              onBatch: (n) => onProgress({ phase: 'commit', processed: n }),
            });
            await events.publish(tx, 'member.status_changed', {
              changes: written.map((e) => statusChangedOf(e)(e)),
            });
            const imported = written.length;
            audit({
              action: 'member.imported',
              targetType: 'org',
              targetId: defaultOrg?.id ?? null,
              targetLabel: defaultOrg?.name ?? null,
              after: { count: imported, fileName: req.fileName, orgId: defaultOrg?.id ?? null },
            });
            return validated.done(true, imported);
          });
        } catch (err) {
          if (isUniqueViolation(err, 'members_id_hash_idx')) throw importConflict();
          throw err;
        }
      };

      /** Validates every row; then, unless a dry run or any row is bad, commits. */
      const validateAndCommit = async (onProgress: OnProgress): Promise<ImportReport> => {
        const spool = req.dryRun
          ? null
          : await createSpool().catch(async (err) => {
              await first.close();
              throw err;
            });
        try {
          let report: ReportBuilder;
          try {
            report = await scan(
              actor,
              first,
              parse,
              spool ? (clean) => spool.add(clean) : null,
              (processed) => onProgress({ phase: 'validate', processed }),
            );
          } catch (err) {
            // A sheet that breaks off or grows past what a sheet can hold, found row by row.
            throw err instanceof BadWorkbookError ? importBadFile() : err;
          } finally {
            await first.close();
          }
          const validated = report.done();
          if (validated.total === 0) throw importEmpty();
          if (!spool || !report.clean) return validated;
          return await commit(spool, report, onProgress);
        } finally {
          await spool?.dispose();
        }
      };

      return {
        /** Validates every row; then, unless a dry run or any row is bad, commits; timed. */
        async run(onProgress: OnProgress = () => {}): Promise<ImportReport> {
          const started = performance.now();
          const observe = (outcome: ImportOutcome) =>
            metrics?.observeImport(outcome, (performance.now() - started) / 1000);
          try {
            const report = await validateAndCommit(onProgress);
            observe(
              report.committed
                ? 'committed'
                : req.dryRun && report.errors.length === 0
                  ? 'dry_run'
                  : 'rejected',
            );
            return report;
          } catch (err) {
            observe('failed');
            throw err;
          }
        },
      };
    },
  };
}

export type MemberImport = ReturnType<typeof createMemberImport>;
