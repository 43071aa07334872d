import { and, desc, eq, gte, lt, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { auditLog } from '../../db/schema';
import type { ChainRow } from './audit.hash';

/** Any fixed key: every audited transaction takes it to append in order. */
const AUDIT_APPEND_LOCK = 72_810_002;

export type AuditRow = typeof auditLog.$inferSelect;

export interface AuditFilter {
  actor?: string | undefined;
  action?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  before?: number | undefined;
  limit: number;
}

export const auditRepository = {
  /** Serializes appends until the transaction ends, then returns the last row's seq and hash. */
  async lockTail(tx: Executor): Promise<{ seq: number; hash: string } | null> {
    await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_APPEND_LOCK})`);
    const [last] = await tx
      .select({ seq: auditLog.seq, hash: auditLog.hash })
      .from(auditLog)
      .orderBy(desc(auditLog.seq))
      .limit(1);
    return last ?? null;
  },

  async insert(tx: Executor, row: ChainRow): Promise<void> {
    await tx.insert(auditLog).values(row);
  },

  async list(db: Executor, f: AuditFilter): Promise<AuditRow[]> {
    const where = and(
      f.actor ? eq(auditLog.actorName, f.actor) : undefined,
      f.action ? eq(auditLog.action, f.action) : undefined,
      f.targetType ? eq(auditLog.targetType, f.targetType) : undefined,
      f.targetId ? eq(auditLog.targetId, f.targetId) : undefined,
      f.from ? gte(auditLog.at, f.from) : undefined,
      f.to ? lte(auditLog.at, f.to) : undefined,
      f.before ? lt(auditLog.seq, f.before) : undefined,
    );
    return db.select().from(auditLog).where(where).orderBy(desc(auditLog.seq)).limit(f.limit);
  },

  /** One batch of the chain in order, for verification. */
  async chainBatch(db: Executor, afterSeq: number, size: number): Promise<AuditRow[]> {
    return db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.seq} > ${afterSeq}`)
      .orderBy(auditLog.seq)
      .limit(size);
  },
};
