import {
  bigint,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/** Numbers entries in the order they are appended, over all lanes (the log's list order). */
export const auditLogSeq = pgSequence('audit_log_seq');

/**
 * The audit log: append-only, hash-chained in lanes. Each lane is one chain: `lane_seq` is
 * gapless within it (assigned while the appending transaction holds the lane's lock) and `hash`
 * covers the lane's previous row's hash, so a removed, edited, reordered or inserted row breaks
 * its lane's chain. `seq` orders all entries for lists (from audit_log_seq; a rolled-back append
 * leaves a gap there, never in a lane). A trigger refuses UPDATE and DELETE. See
 * modules/audit/README.md.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    lane: smallint('lane').notNull().default(0),
    laneSeq: bigint('lane_seq', { mode: 'number' }).notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    actorId: integer('actor_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    targetLabel: text('target_label'),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: text('ip'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    uniqueIndex('audit_log_lane_idx').on(t.lane, t.laneSeq),
    index('audit_log_at_idx').on(t.at),
    index('audit_log_actor_idx').on(t.actorName, t.seq),
    index('audit_log_action_idx').on(t.action, t.seq),
    index('audit_log_target_idx').on(t.targetType, t.targetId, t.seq),
  ],
);
