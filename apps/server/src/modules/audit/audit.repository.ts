import { and, asc, desc, eq, gte, lt, lte, type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client';
import { auditLog } from '../../db/schema';
import type { ChainRow } from './audit.hash';

/**
 * How many hash chains (lanes) appends spread over. Up to this many audited transactions can be
 * between their append and their commit at once; more wait for a lane. Changing it needs no
 * migration: verification walks whatever lanes the log holds.
 */
export const AUDIT_LANES = 16;

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

/** Where the next rows of a lane go: the lane, its last row (null when empty) and fresh seqs. */
export interface LaneTail {
  lane: number;
  last: { laneSeq: number; hash: string } | null;
  seqs: number[];
}

export const auditRepository = {
  /**
   * Locks a lane until the transaction ends and reads its last row, with `count` numbers from
   * the log's sequence: audit_take_lane (migration 0012), one round trip. The lane is the one
   * this transaction already holds, else the first free one, else its connection's own.
   */
  async takeLane(tx: Executor, count: number): Promise<LaneTail> {
    const [taken] = await queryRows<{
      lane: number;
      last_lane_seq: string | number | null;
      last_hash: string | null;
      seqs: (string | number)[];
    }>(tx, sql`select * from audit_take_lane(${AUDIT_LANES}::integer, ${count}::integer)`);
    const { lane, last_lane_seq: lastSeq, last_hash: lastHash, seqs } = taken!;
    return {
      lane: Number(lane),
      last: lastSeq === null ? null : { laneSeq: Number(lastSeq), hash: lastHash! },
      seqs: seqs.map(Number),
    };
  },

  async insert(tx: Executor, rows: ChainRow[]): Promise<void> {
    await tx.insert(auditLog).values(rows);
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

  /** One batch of every lane's chain, lane by lane and in order within each, for verification. */
  async chainBatch(db: Executor, after: { lane: number; laneSeq: number } | null, size: number) {
    const from: SQL | undefined = after
      ? sql`(${auditLog.lane}, ${auditLog.laneSeq}) > (${after.lane}, ${after.laneSeq})`
      : undefined;
    return db
      .select()
      .from(auditLog)
      .where(from)
      .orderBy(asc(auditLog.lane), asc(auditLog.laneSeq))
      .limit(size);
  },
};
