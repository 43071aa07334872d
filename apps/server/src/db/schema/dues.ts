import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { members } from './members';
import { orgs } from './orgs';
import { users } from './users';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });
const fen = (name: string) => bigint(name, { mode: 'number' });

/**
 * Party dues (党费). Each member declares a base once a year (收入基数); the monthly amount is
 * worked out by the dues rules (setting 'dues.rules', its version kept beside it) in fen. Each
 * branch keeps a monthly ledger (opened → collected → closed); a payment covers one month or a
 * range (quarterly, or making up arrears), and each month it covers is a row of
 * dues_payment_months, so a month is never paid twice. Reduced or waived dues (减免) pass the
 * branch's review and the next level's approval. Months are stored as their first day.
 */

/**
 * A member's base for a year: category salaried (在职, after-tax monthly income), retired
 * (离退休, pension), farmer (农民), assisted (学生、最低生活保障); the income in fen where the
 * category has one; the monthly amount and the rate (basis points, null for fixed amounts) the
 * rules gave; fromMonth: the first month it applies (January, or the month of admission for a
 * probationary member who joins in the year).
 */
export const duesBases = pgTable(
  'dues_bases',
  {
    id: serial('id').primaryKey(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    year: smallint('year').notNull(),
    category: text('category').notNull(),
    incomeFen: fen('income_fen'),
    rateBp: integer('rate_bp'),
    monthlyFen: integer('monthly_fen').notNull(),
    rulesVersion: integer('rules_version').notNull(),
    fromMonth: day('from_month').notNull(),
    declaredOn: day('declared_on').notNull(),
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
    uniqueIndex('dues_bases_member_year_idx').on(t.memberId, t.year),
    index('dues_bases_org_path_idx').using('btree', t.orgPath.op('text_pattern_ops'), t.year),
    check(
      'dues_bases_amount_check',
      sql`${t.monthlyFen} >= 0 and (${t.incomeFen} is null or ${t.incomeFen} >= 0)`,
    ),
  ],
);

/**
 * A branch's month (党费月度台账): open (收缴中) → collected (已收齐, or marked so with arrears left)
 * → closed (已结账: no payment is recorded into it any more). expectedFen and collectedFen are
 * fixed when the month is closed; before that they are computed.
 */
export const duesMonths = pgTable(
  'dues_months',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    orgPath: text('org_path').notNull(),
    month: day('month').notNull(),
    state: text('state').notNull().default('open'),
    expectedFen: fen('expected_fen'),
    collectedFen: fen('collected_fen'),
    openedBy: integer('opened_by').references(() => users.id),
    closedBy: integer('closed_by').references(() => users.id),
    closedAt: ts('closed_at'),
    version: integer('version').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('dues_months_org_month_idx').on(t.orgId, t.month),
    index('dues_months_org_path_idx').using('btree', t.orgPath.op('text_pattern_ops'), t.month),
  ],
);

/**
 * A payment: who (memberId), which months (fromMonth … toMonth), how much in all, how (cash 现金,
 * transfer 转账), the day, who collected it (collectedBy, a user), paid by someone else (payerName,
 * e.g. a family member), a note. reversedAt: entered by mistake and reversed (its months become
 * unpaid again).
 */
export const duesPayments = pgTable(
  'dues_payments',
  {
    id: serial('id').primaryKey(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    orgPath: text('org_path').notNull(),
    fromMonth: day('from_month').notNull(),
    toMonth: day('to_month').notNull(),
    amountFen: fen('amount_fen').notNull(),
    method: text('method').notNull(),
    paidOn: day('paid_on').notNull(),
    collectedBy: integer('collected_by').references(() => users.id),
    payerName: text('payer_name'),
    note: text('note'),
    reversedAt: ts('reversed_at'),
    reversedBy: integer('reversed_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('dues_payments_member_idx').on(t.memberId, t.fromMonth),
    index('dues_payments_org_path_idx').using('btree', t.orgPath.op('text_pattern_ops'), t.paidOn),
    check('dues_payments_range_check', sql`${t.toMonth} >= ${t.fromMonth} and ${t.amountFen} >= 0`),
  ],
);

/** The months a payment covers, one row each, with the amount owed for that month. */
export const duesPaymentMonths = pgTable(
  'dues_payment_months',
  {
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    month: day('month').notNull(),
    paymentId: integer('payment_id')
      .notNull()
      .references(() => duesPayments.id, { onDelete: 'cascade' }),
    amountFen: integer('amount_fen').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.memberId, t.month] }),
    index('dues_payment_months_payment_idx').on(t.paymentId),
  ],
);

/**
 * Reduced or waived dues (减免): for which months, reduced to monthlyFen (kind reduced) or waived
 * (kind waived, monthlyFen 0), why. state: submitted (待支部审议) → reviewed (支部已审议, 待上级审批)
 * → approved (已批准) or rejected (未批准, at either step).
 */
export const duesReliefs = pgTable(
  'dues_reliefs',
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
    fromMonth: day('from_month').notNull(),
    toMonth: day('to_month').notNull(),
    monthlyFen: integer('monthly_fen').notNull().default(0),
    reason: text('reason').notNull(),
    state: text('state').notNull().default('submitted'),
    reviewedBy: integer('reviewed_by').references(() => users.id),
    reviewedAt: ts('reviewed_at'),
    reviewNote: text('review_note'),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: ts('decided_at'),
    decisionNote: text('decision_note'),
    createdBy: integer('created_by').references(() => users.id),
    version: integer('version').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('dues_reliefs_member_idx').on(t.memberId, t.fromMonth),
    index('dues_reliefs_org_path_idx').using('btree', t.orgPath.op('text_pattern_ops'), t.state),
    check('dues_reliefs_range_check', sql`${t.toMonth} >= ${t.fromMonth} and ${t.monthlyFen} >= 0`),
  ],
);
