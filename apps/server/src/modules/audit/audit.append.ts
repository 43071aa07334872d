import { type AuditAction, isAuditAction, storableText } from '@ningxin/shared';
import type { Db, Executor, Tx } from '../../db/client';
import type { Actor } from '../../policy/policy';
import { type AuditRecord, auditHash, type ChainRow, GENESIS_HASH, storableJson } from './audit.hash';
import { auditRepository } from './audit.repository';

/** Who did it and from where; the actor is null for anonymous events such as a failed sign-in. */
export interface AuditContext {
  actorId: number | null;
  actorName: string | null;
  ip: string | null;
}

export interface AuditEvent {
  action: AuditAction;
  targetType?: string | null;
  targetId?: string | number | null;
  targetLabel?: string | null;
  before?: unknown;
  after?: unknown;
}

interface Entry {
  ctx: AuditContext;
  event: AuditEvent;
  at: Date;
}

export function auditContextOf(actor: Actor): AuditContext {
  return { actorId: actor.userId, actorName: actor.username, ip: actor.ip };
}

/** Values as they will read back from jsonb: dates as strings, no undefined. */
const asJson = (value: unknown) =>
  value === undefined || value === null ? null : JSON.parse(JSON.stringify(value));

const text = (value: string | null) => (value === null ? null : storableText(value));

/**
 * Appends entries, in order, to one lane of the log inside the caller's transaction. The lane
 * stays locked until the transaction ends, so append as late in it as the work allows: the
 * lock is then held only for the insert and the commit (`audited` does that).
 */
async function appendEntries(tx: Executor, entries: Entry[]): Promise<void> {
  // The type allows only listed actions; a cast or untyped caller must not slip one past.
  const unlisted = entries.find((e) => !isAuditAction(e.event.action));
  if (unlisted) throw new Error(`audit action ${unlisted.event.action} is not in AUDIT_ACTIONS`);
  const { lane, last, seqs } = await auditRepository.takeLane(tx, entries.length);
  let prevHash = last?.hash ?? GENESIS_HASH;
  let laneSeq = last?.laneSeq ?? 0;
  const rows = entries.map(({ ctx, event, at }, i): ChainRow => {
    // Hashed exactly as stored: every text in the form the database keeps (storableText), so
    // that no input (a typed user name, a header) can make the stored row differ from its hash.
    const record: AuditRecord = {
      seq: seqs[i]!,
      lane,
      laneSeq: ++laneSeq,
      at,
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
    const row = { ...record, prevHash, hash: auditHash(prevHash, record) };
    prevHash = row.hash;
    return row;
  });
  await auditRepository.insert(tx, rows);
}

/**
 * Appends one event inside the caller's transaction, so the event and the change it records
 * commit together or not at all. For a transaction opened elsewhere (a job's run, a helper
 * handed `tx`); a service's own write reads better through `audited`.
 */
export async function appendAudit(tx: Executor, ctx: AuditContext, event: AuditEvent): Promise<void> {
  await appendEntries(tx, [{ ctx, event, at: new Date() }]);
}

/** Records an audit entry of the transaction `audited` runs; appended when its work is done. */
export type Audit = (event: AuditEvent) => void;

/**
 * Runs `work` in a transaction with the audit entries it records, appended after the work and
 * before the commit: all of them or none, and the audit lane held for the least time. Recording
 * an entry after the work has ended is a programming error and throws.
 *
 *   return audited(db, actor, async (tx, audit) => {
 *     const row = await repository.update(tx, …);
 *     audit({ action: 'org.updated', targetType: 'org', targetId: row.id, after: row });
 *     return row;
 *   });
 */
export async function audited<T>(
  db: Db,
  who: Actor | AuditContext,
  work: (tx: Tx, audit: Audit) => Promise<T>,
): Promise<T> {
  const ctx = 'actorName' in who ? who : auditContextOf(who);
  return db.transaction(async (tx) => {
    const entries: Entry[] = [];
    let open = true;
    let result: T;
    try {
      result = await work(tx, (event) => {
        if (!open) throw new Error(`audit entry ${event.action} recorded after its transaction's work ended`);
        // Taken as it is now: the work may go on to change the objects it recorded.
        entries.push({
          ctx,
          event: { ...event, before: asJson(event.before), after: asJson(event.after) },
          at: new Date(),
        });
      });
    } finally {
      open = false;
    }
    if (entries.length) await appendEntries(tx, entries);
    return result;
  });
}

/** Appends one entry in a transaction of its own: for an audited read (an export, a download). */
export async function recordAudit(db: Db, who: Actor | AuditContext, event: AuditEvent): Promise<void> {
  await audited(db, who, async (_tx, audit) => audit(event));
}
