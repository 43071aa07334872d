import { sql } from 'drizzle-orm';
import {
  bigserial,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { members } from './members';
import { orgs } from './orgs';

/**
 * The member activity ledger: one row for each deed of a member that something counts (a meeting
 * attended, study hours, volunteer hours, a contribution, an honour, dues paid, a contact, a
 * status change …). A module writes its row in the transaction of its own record, through the
 * activity service, and removes it when the record is reversed. Points, the home-county feedback
 * and the dashboards read this one table instead of every module's.
 */
export const memberActivity = pgTable(
  'member_activity',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    /** What kind of deed (ACTIVITY_KINDS in the shared contracts). */
    kind: text('kind').notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    /** How much: 1 for a meeting, 2.5 for study hours, an amount in fen for money. */
    quantity: numeric('quantity', { precision: 14, scale: 2 }).notNull().default('1'),
    /** The unit of the quantity (times, hours, fen, points). */
    unit: text('unit').notNull(),
    /** The module and the record behind the entry. */
    sourceModule: text('source_module').notNull(),
    sourceId: text('source_id').notNull(),
    /** The member's org at the time, for counts by the org the deed was done in. */
    orgId: integer('org_id').references(() => orgs.id),
    orgPath: text('org_path'),
    /** A short description for the timeline (the meeting's topic, the status change's reason). */
    title: text('title').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('member_activity_source_idx').on(t.sourceModule, t.sourceId, t.kind, t.memberId),
    index('member_activity_member_idx').on(t.memberId, t.occurredOn),
    index('member_activity_kind_idx').on(t.kind, t.occurredOn),
    // The latest deeds first (the workbench's 最近动态), in any scope.
    index('member_activity_recent_idx').on(t.occurredOn, t.id),
    index('member_activity_org_idx')
      .using('btree', t.orgPath.op('text_pattern_ops'))
      .where(sql`${t.orgPath} is not null`),
  ],
);
