import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { members } from './members';
import { orgs } from './orgs';
import { users } from './users';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });
const fen = (name: string) => bigint(name, { mode: 'number' });

/**
 * Care and incentives (关爱激励): visits to members (走访慰问), hardship help (困难帮扶), honours
 * (表彰) and the yearly points (积分). A visit, a help record and an honour are written to the
 * member activity ledger (kinds care, care, honour) by the care module; points are computed from
 * the ledger by rules whose every version is kept, so a year's totals can be worked out again.
 * Records about a member belong to the member's org at the time (orgPath): its subtree's
 * secretaries keep them.
 */

/**
 * A visit: whom (a member), who went (names as written: 二级党委书记 张某、李某), why (reason:
 * illness 生病住院, hardship 生活困难, holiday 节日慰问 with the holiday named, anniversary 政治生日,
 * other), the day, what was brought (giftFen: money or the goods' value, 0 for none), a note.
 */
export const careVisits = pgTable(
  'care_visits',
  {
    id: serial('id').primaryKey(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    orgPath: text('org_path').notNull(),
    reason: text('reason').notNull(),
    /** 春节, 中秋, 七一 … for a holiday visit. */
    holiday: text('holiday'),
    visitedOn: day('visited_on').notNull(),
    visitors: text('visitors').notNull(),
    giftFen: fen('gift_fen').notNull().default(0),
    note: text('note'),
    createdBy: integer('created_by').references(() => users.id),
    version: integer('version').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('care_visits_org_path_idx').using('btree', t.orgPath.op('text_pattern_ops'), t.visitedOn),
    index('care_visits_member_idx').on(t.memberId, t.visitedOn),
    check('care_visits_gift_check', sql`${t.giftFen} >= 0`),
  ],
);

/**
 * Hardship help (困难帮扶) given to a member: kind money (慰问金、救助金), goods (物资), service
 * (帮办: a job found, a school place, legal aid), the amount (money or goods' value; 0 for a
 * service), the day, why, a note.
 */
export const careHelp = pgTable(
  'care_help',
  {
    id: serial('id').primaryKey(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    orgPath: text('org_path').notNull(),
    kind: text('kind').notNull(),
    amountFen: fen('amount_fen').notNull().default(0),
    givenOn: day('given_on').notNull(),
    reason: text('reason').notNull(),
    note: text('note'),
    createdBy: integer('created_by').references(() => users.id),
    version: integer('version').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('care_help_org_path_idx').using('btree', t.orgPath.op('text_pattern_ops'), t.givenOn),
    index('care_help_member_idx').on(t.memberId, t.givenOn),
    check('care_help_amount_check', sql`${t.amountFen} >= 0`),
  ],
);

/**
 * An honour (表彰): individual (a member: memberId) or collective (an org of the tree:
 * recipientOrgId, or a group named in recipientName), its level (national 国家级, provincial 省级,
 * city 市级, county 区县级, committee 流动党委), title, issuing body, day. The certificate scan is a
 * file of owner 'honour'. orgPath is the org that keeps the record (the member's org, or the
 * recipient org).
 */
export const honours = pgTable(
  'honours',
  {
    id: serial('id').primaryKey(),
    kind: text('kind').notNull(),
    level: text('level').notNull(),
    title: text('title').notNull(),
    issuer: text('issuer').notNull(),
    awardedOn: day('awarded_on').notNull(),
    memberId: integer('member_id').references(() => members.id),
    recipientOrgId: integer('recipient_org_id').references(() => orgs.id),
    recipientName: text('recipient_name'),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    orgPath: text('org_path').notNull(),
    note: text('note'),
    createdBy: integer('created_by').references(() => users.id),
    version: integer('version').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('honours_org_path_idx').using('btree', t.orgPath.op('text_pattern_ops'), t.awardedOn),
    index('honours_member_idx').on(t.memberId),
    check(
      'honours_recipient_check',
      sql`(${t.kind} = 'individual' and ${t.memberId} is not null) or (${t.kind} = 'collective' and ${t.memberId} is null)`,
    ),
  ],
);

/**
 * Every version of the points rules (the setting 'points.rules') that a computation used, as it
 * was: a year's totals name the version, so they can be worked out again after the rules change.
 */
export const pointsRuleVersions = pgTable('points_rule_versions', {
  version: integer('version').primaryKey(),
  rules: jsonb('rules').notNull(),
  recordedAt: ts('recorded_at').notNull().defaultNow(),
});

/**
 * A computation of a year's points (积分核算) by one version of the rules over the activity
 * ledger as it stood: the ranking reads the latest run of the year.
 */
export const pointsRuns = pgTable(
  'points_runs',
  {
    id: serial('id').primaryKey(),
    year: smallint('year').notNull(),
    ruleVersion: integer('rule_version')
      .notNull()
      .references(() => pointsRuleVersions.version),
    memberCount: integer('member_count').notNull().default(0),
    computedBy: integer('computed_by').references(() => users.id),
    computedAt: ts('computed_at').notNull().defaultNow(),
  },
  (t) => [index('points_runs_year_idx').on(t.year, t.id)],
);

/** A member's points in a run: base, tasks and bonus (each within its cap) and the total. */
export const pointsTotals = pgTable(
  'points_totals',
  {
    runId: integer('run_id')
      .notNull()
      .references(() => pointsRuns.id, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    orgPath: text('org_path').notNull(),
    base: numeric('base', { precision: 8, scale: 2 }).notNull(),
    tasks: numeric('tasks', { precision: 8, scale: 2 }).notNull(),
    bonus: numeric('bonus', { precision: 8, scale: 2 }).notNull(),
    total: numeric('total', { precision: 8, scale: 2 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.memberId] }),
    index('points_totals_rank_idx').using('btree', t.runId, t.orgPath.op('text_pattern_ops'), t.total),
    index('points_totals_member_idx').on(t.memberId),
  ],
);
