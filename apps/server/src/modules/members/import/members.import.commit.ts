/**
 * Spreadsheet import (批量导入), step two: the commit of a stage that the validation left
 * (members.import.ts). One transaction locks the stage (a second commit waits, then finds it
 * gone), checks again what the validation relied on — the orgs still open and in the actor's
 * scope, no ID number taken since — inserts the staged rows into the members a range at a time
 * (INSERT … SELECT, with progress), writes their first events, the audit entry and the event of
 * the new members, and deletes the stage: all rows or none. A person registered concurrently
 * still fails the whole commit on the ID number's unique index.
 */
import { type ImportReport, localIsoDate } from '@ningxin/shared';
import type { Db, Executor } from '../../../db/client';
import { isUniqueViolation } from '../../../lib/db-errors';
import type { EventBus } from '../../../lib/events';
import type { ImportOutcome, Metrics } from '../../../lib/metrics';
import { type Actor, assertHolds } from '../../../policy/policy';
import { audited } from '../../audit/audit.service';
import type { OrgsService } from '../../orgs/orgs.service';
import { statusChangedOf } from '../members.events';
import { importConflict, importStageExpired, importStageNotFound } from './members.excel.errors';
import { importableOrg } from './members.import.orgs';
import { memberImportRepository } from './members.import.repository';
import { type StageHead, stageRepository } from './members.import.stages.repository';

export interface ImportProgress {
  phase: 'validate' | 'commit';
  processed: number;
}
export type OnProgress = (p: ImportProgress) => void;

export interface StageCommitDeps {
  db: Db;
  orgs: OrgsService;
  events: EventBus;
  /** Rows inserted per statement (one progress line each). */
  batchSize: number;
  metrics?: Pick<Metrics, 'observeImport'> | undefined;
}

export function createStageCommit({ db, orgs, events, batchSize, metrics }: StageCommitDeps) {
  /** The stage if the actor may commit it now; outside a transaction an expired one is removed. */
  async function usable(executor: Executor, actor: Actor, id: string, lock: boolean) {
    const stage = await stageRepository.head(executor, id, lock);
    // Another user's stage is answered as if it did not exist.
    if (!stage || stage.userId !== actor.userId || !stage.ready) throw importStageNotFound();
    if (stage.expired) {
      if (!lock) await stageRepository.drop(executor, id);
      throw importStageExpired();
    }
    return stage;
  }

  async function write(actor: Actor, stage: StageHead, onProgress: OnProgress): Promise<ImportReport> {
    const today = localIsoDate(new Date());
    return audited(db, actor, async (tx, audit) => {
      const locked = await usable(tx, actor, stage.id, true);
      // The orgs are read again: one may have closed or left the actor's scope since.
      for (const orgId of await stageRepository.orgIds(tx, locked.id))
        await importableOrg(orgs, tx, actor, orgId);
      const taken = await stageRepository.firstTaken(tx, locked.id);
      if (taken !== null) throw importConflict(taken);
      const ids: number[] = [];
      for (let from = 1; from <= locked.rows; from += batchSize) {
        const to = Math.min(from + batchSize - 1, locked.rows);
        ids.push(...(await stageRepository.insertRange(tx, locked.id, from, to, today)));
        if (to - from + 1 === batchSize) onProgress({ phase: 'commit', processed: to });
      }
      if (ids.length !== locked.rows) throw new Error(`import wrote ${ids.length} of ${locked.rows} rows`);
      const written = await memberImportRepository.insertFirstEvents(tx, ids, {
        toStatus: 'active',
        effectiveDate: today,
        reason: '批量导入',
        actorId: actor.userId,
        actorName: actor.username,
      });
      await events.publish(tx, 'member.status_changed', {
        changes: written.map((e) => statusChangedOf(e)(e)),
      });
      const defaultOrg = locked.orgId === null ? null : await orgs.lookup(tx, locked.orgId);
      audit({
        action: 'member.imported',
        targetType: 'org',
        targetId: locked.orgId,
        targetLabel: defaultOrg?.name ?? null,
        after: {
          count: ids.length,
          fileName: locked.fileName,
          fileSha256: locked.fileSha256,
          orgId: locked.orgId,
        },
      });
      await stageRepository.drop(tx, locked.id);
      return { total: locked.total, valid: locked.rows, errors: [], committed: true, imported: ids.length };
    });
  }

  return {
    /** Checks the stage before the answer starts (404, 410), and returns its commit ready to run. */
    async prepare(actor: Actor, stageId: string) {
      assertHolds(actor, 'member.import');
      const stage = await usable(db, actor, stageId, false);
      return {
        async run(onProgress: OnProgress = () => {}): Promise<ImportReport> {
          const started = performance.now();
          const observe = (outcome: ImportOutcome) =>
            metrics?.observeImport(outcome, (performance.now() - started) / 1000);
          try {
            const report = await write(actor, stage, onProgress);
            observe('committed');
            return report;
          } catch (err) {
            observe('failed');
            if (isUniqueViolation(err, 'members_id_hash_idx')) throw importConflict();
            throw err;
          }
        },
      };
    },
  };
}
