/**
 * Spreadsheet import (批量导入), step one: every row is validated and, while none is bad, made
 * into the members row the commit will insert (pinyin, personal data encrypted and hashed) and
 * staged in the database (members.import.stages.repository). The answer carries the stage's id
 * and a summary; the commit (members.import.commit) then needs neither the file nor a second
 * validation, on any instance. The file is streamed, so 100,000 rows never sit in memory.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { type ImportCheck, localIsoDate } from '@ningxin/shared';
import type { Config } from '../../../config';
import type { Db } from '../../../db/client';
import { entryFile } from '../../../lib/entry-file';
import type { EventBus } from '../../../lib/events';
import {
  BadWorkbookError,
  HeaderNotFoundError,
  openTable,
  type Table,
} from '../../../lib/excel/table-reader';
import type { FieldCrypto } from '../../../lib/field-crypto';
import type { ImportOutcome, Metrics } from '../../../lib/metrics';
import type { CryptoWorkers } from '../../../lib/worker-pool';
import { type Actor, assertHolds } from '../../../policy/policy';
import type { OrgsService } from '../../orgs/orgs.service';
import { MEMBER_TABLE, REQUIRED_HEADERS } from '../members.sheet';
import type { MembersService } from '../record/members.service';
import {
  importBadFile,
  importEmpty,
  importMissingColumns,
  importNeedsOrg,
  importNoHeader,
} from './members.excel.errors';
import { createStageCommit, type OnProgress } from './members.import.commit';
import { importableOrg, importableOrgs, orgFinder } from './members.import.orgs';
import type { ReportBuilder } from './members.import.report';
import { createRowParser, type RowContext } from './members.import.row';
import { createScanner } from './members.import.scan';
import type { StageBatch } from './members.import.stage-text';
import { createStager } from './members.import.stager';
import { stageRepository } from './members.import.stages.repository';

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
  /** Worker threads for the clean rows' encryption, pinyin and COPY text; none: this thread. */
  workers?: CryptoWorkers;
}

const STAGE_WORKER = entryFile('./members.import.worker.ts', import.meta.url);

export interface ImportRequest {
  /** The uploaded file, spooled to disk. */
  path: string;
  fileName: string;
  orgId?: number | undefined;
}

async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(path), hash);
  return hash.digest('hex');
}

export function createMemberImport({
  db,
  config,
  crypto,
  orgs,
  members,
  events,
  limits = {},
  metrics,
  workers,
}: MemberImportDeps) {
  const batchSize = limits.batchSize ?? 1000;
  const scan = createScanner({
    db,
    hashIdNumber: members.hashes.idNumber,
    maxRows: limits.maxRows ?? 200_000,
    maxErrors: limits.maxErrors ?? 10_000,
    batchSize,
  });
  const commit = createStageCommit({ db, orgs, events, batchSize, metrics });

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
    /** Checks a stage before its commit starts, and returns the commit ready to run (members.import.commit). */
    commit: commit.prepare,

    /** Removes the expired stages (the members.import_stage_purge job; each new check does too). */
    purgeExpired: () => stageRepository.dropExpired(db, true),

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
      const defaultOrg = req.orgId ? await importableOrg(orgs, db, actor, req.orgId) : null;
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
      const paths = new Map(candidates.map((o) => [o.id, o.path]));

      /** Validates every row, staging the prepared rows while none is bad. */
      const validateAndStage = async (onProgress: OnProgress): Promise<ImportCheck> => {
        let stage: { id: string; expiresAt: Date };
        try {
          stage = await stageRepository.create(db, {
            userId: actor.userId,
            fileSha256: await fileSha256(req.path),
            fileName: req.fileName,
            orgId: defaultOrg?.id ?? null,
            minutes: config.importStageMinutes,
          });
        } catch (err) {
          await first.close();
          throw err;
        }
        let keep = false;
        const stager = createStager({
          db,
          crypto,
          pool: workers?.pool<StageBatch, string>(STAGE_WORKER) ?? null,
          stageId: stage.id,
          today: localIsoDate(new Date()),
          paths,
        });
        try {
          let report: ReportBuilder;
          try {
            report = await scan(actor, first, parse, stager.add, (processed) =>
              onProgress({ phase: 'validate', processed }),
            );
            await stager.done();
          } catch (err) {
            // A sheet that breaks off or grows past what a sheet can hold, found row by row.
            throw err instanceof BadWorkbookError ? importBadFile() : err;
          } finally {
            await first.close();
          }
          const validated = report.done();
          if (validated.total === 0) throw importEmpty();
          if (!report.clean || stager.rows === 0) return { ...validated, stage: null };
          await stageRepository.markReady(db, stage.id, { total: validated.total, rows: stager.rows });
          keep = true;
          const byOrg = await stageRepository.summary(db, stage.id);
          return { ...validated, stage: { id: stage.id, expiresAt: stage.expiresAt.toISOString(), byOrg } };
        } finally {
          if (!keep) {
            await stager.settled();
            await stageRepository.drop(db, stage.id).catch(() => undefined);
          }
        }
      };

      return {
        /** Validates every row and stages them when all are good; timed. */
        async run(onProgress: OnProgress = () => {}): Promise<ImportCheck> {
          const started = performance.now();
          const observe = (outcome: ImportOutcome) =>
            metrics?.observeImport(outcome, (performance.now() - started) / 1000);
          try {
            const report = await validateAndStage(onProgress);
            observe(report.stage ? 'staged' : 'rejected');
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
