import {
  type AuditEntryResponse,
  type AuditQuery,
  type AuditVerifyResponse,
  auditActionLabel,
} from '@ningxin/shared';
import type { Db, Executor } from '../../db/client';
import { type Actor, assertCan } from '../../policy/policy';
import { chainWalk } from './audit.hash';
import { type AuditRow, auditRepository } from './audit.repository';

export {
  type Audit,
  type AuditContext,
  type AuditEvent,
  appendAudit,
  auditContextOf,
  audited,
  recordAudit,
} from './audit.append';

function mapEntry(row: AuditRow, names: Map<number, string>): AuditEntryResponse {
  return {
    seq: row.seq,
    lane: row.lane,
    laneSeq: row.laneSeq,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    actorDisplayName: row.actorId === null ? null : (names.get(row.actorId) ?? null),
    action: row.action,
    actionLabel: auditActionLabel(row.action) ?? row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    targetLabel: row.targetLabel,
    before: row.before ?? null,
    after: row.after ?? null,
    ip: row.ip,
    hash: row.hash,
  };
}

/** Display names of accounts by id (the users module's). */
export type DisplayNames = (executor: Executor, ids: Iterable<number | null>) => Promise<Map<number, string>>;

export function createAuditService(db: Db, displayNames: DisplayNames) {
  async function entries(executor: Executor, rows: AuditRow[]): Promise<AuditEntryResponse[]> {
    const names = await displayNames(
      executor,
      rows.map((r) => r.actorId),
    );
    return rows.map((r) => mapEntry(r, names));
  }

  return {
    async list(actor: Actor, q: AuditQuery) {
      assertCan(actor, 'audit.read');
      const rows = await auditRepository.list(db, {
        ...q,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
      });
      const last = rows.at(-1);
      return {
        items: await entries(db, rows),
        nextCursor: rows.length === q.limit && last ? last.seq : null,
      };
    },

    /** The trail of one record, newest first; the caller checks that the actor may read the record. */
    async historyOf(executor: Executor, targetType: string, targetId: string, limit = 200) {
      const rows = await auditRepository.list(executor, { targetType, targetId, limit });
      return entries(executor, rows);
    },

    async verify(actor: Actor): Promise<AuditVerifyResponse> {
      assertCan(actor, 'audit.read');
      return verifyChain(db);
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;

/**
 * Walks every lane's chain from its first row and reports the earliest broken row (by seq) of
 * any lane. A lane is not checked past its first broken row; `rows` counts the rows found intact.
 */
export async function verifyChain(db: Executor, batchSize = 2000): Promise<AuditVerifyResponse> {
  const walk = chainWalk();
  let after: { lane: number; laneSeq: number } | null = null;
  for (;;) {
    const batch = await auditRepository.chainBatch(db, after, batchSize);
    if (batch.length === 0) break;
    for (const row of batch) {
      if (walk.add(row)) {
        after = { lane: row.lane, laneSeq: row.laneSeq };
      } else {
        // The rest of this lane cannot be vouched for: go on with the next lane.
        after = { lane: row.lane, laneSeq: Number.MAX_SAFE_INTEGER };
        break;
      }
    }
  }
  return walk.result();
}
