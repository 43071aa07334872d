import {
  AUDIT_ACTION_LABELS,
  type AuditEntryResponse,
  type AuditQuery,
  type AuditVerifyResponse,
  storableText,
} from '@ningxin/shared';
import type { Db, Executor } from '../../db/client';
import { type Actor, assertCan } from '../../policy/policy';
import { type AuditRecord, auditHash, checkLink, GENESIS_HASH, storableJson } from './audit.hash';
import { type AuditRow, auditRepository } from './audit.repository';

/** Who did it and from where; the actor is null for anonymous events such as a failed sign-in. */
export interface AuditContext {
  actorId: number | null;
  actorName: string | null;
  ip: string | null;
}

export interface AuditEvent {
  action: string;
  targetType?: string | null;
  targetId?: string | number | null;
  targetLabel?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Values as they will read back from jsonb: dates as strings, no undefined. */
const asJson = (value: unknown) =>
  value === undefined || value === null ? null : JSON.parse(JSON.stringify(value));

const text = (value: string | null) => (value === null ? null : storableText(value));

/**
 * Appends one event to the hash chain inside the caller's transaction, so the event and the
 * change it records commit together or not at all.
 */
export async function appendAudit(tx: Executor, ctx: AuditContext, event: AuditEvent): Promise<void> {
  const tail = await auditRepository.lockTail(tx);
  // Hashed exactly as stored: every text in the form the database keeps (storableText), so
  // that no input (a typed user name, a header) can make the stored row differ from its hash.
  const record: AuditRecord = {
    seq: (tail?.seq ?? 0) + 1,
    at: new Date(),
    actorId: ctx.actorId,
    actorName: text(ctx.actorName),
    action: storableText(event.action),
    targetType: text(event.targetType ?? null),
    targetId: text(event.targetId === undefined || event.targetId === null ? null : String(event.targetId)),
    targetLabel: text(event.targetLabel ?? null),
    before: storableJson(asJson(event.before)),
    after: storableJson(asJson(event.after)),
    ip: text(ctx.ip),
  };
  const prevHash = tail?.hash ?? GENESIS_HASH;
  await auditRepository.insert(tx, { ...record, prevHash, hash: auditHash(prevHash, record) });
}

export function auditContextOf(actor: Actor): AuditContext {
  return { actorId: actor.userId, actorName: actor.username, ip: actor.ip };
}

function mapEntry(row: AuditRow, names: Map<number, string>): AuditEntryResponse {
  return {
    seq: row.seq,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    actorDisplayName: row.actorId === null ? null : (names.get(row.actorId) ?? null),
    action: row.action,
    actionLabel: AUDIT_ACTION_LABELS[row.action] ?? row.action,
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

/** Walks the whole chain in order and reports the first broken link. */
export async function verifyChain(db: Executor, batchSize = 2000): Promise<AuditVerifyResponse> {
  let previous: { seq: number; hash: string } | null = null;
  let rows = 0;
  for (;;) {
    const batch = await auditRepository.chainBatch(db, previous?.seq ?? 0, batchSize);
    for (const row of batch) {
      const check = checkLink(previous, row);
      if (!check.ok) return { status: 'broken', rows, firstBrokenSeq: row.seq, reason: check.reason };
      previous = { seq: row.seq, hash: row.hash };
      rows++;
    }
    if (batch.length < batchSize) return { status: 'intact', rows, firstBrokenSeq: null, reason: null };
  }
}
