import { z } from 'zod';
import { PastDate, YearMonth } from '../common/dates';
import { IdParams, QueryBool, QueryId, QueryInt, RecordId, Version } from '../common/ids';
import { PageCursor, PageLimit } from '../common/page';
import { OptionalText, Text } from '../common/text';
import { DuesCategory } from '../settings/dues';
import { IncomeYuan } from './calculate';
import { DUES_METHODS, DUES_MONTH_STATES } from './month-names';

export const DuesYear = z
  .number({ error: '年度应为数字' })
  .int('年度应为整数')
  .min(2000, '年度不能早于 2000')
  .max(2199, '年度不能晚于 2199');
export const DuesYearQuery = QueryInt('年度', 2000, 2199);

export const DuesNamed = z.object({ id: z.number().int(), name: z.string() });

// ---- bases (收入基数) ----

const BaseFields = {
  category: DuesCategory,
  /** Monthly after-tax income or pension in yuan, for salaried and retired members. */
  incomeYuan: IncomeYuan('月收入').nullable().optional(),
  /** The first month it applies; January of the year, or the month of admission. */
  fromMonth: YearMonth('起缴月份').optional(),
  declaredOn: PastDate('申报日期', '2000-01-01'),
  note: OptionalText('备注', 500),
};

export const DuesBaseCreateBody = z.object({
  memberId: RecordId('党员'),
  year: DuesYear,
  ...BaseFields,
});
export type DuesBaseCreateBody = z.infer<typeof DuesBaseCreateBody>;
export type DuesBaseCreateInput = z.input<typeof DuesBaseCreateBody>;

export const DuesBaseUpdateBody = z.object({ ...BaseFields, version: Version });
export type DuesBaseUpdateBody = z.infer<typeof DuesBaseUpdateBody>;
export type DuesBaseUpdateInput = z.input<typeof DuesBaseUpdateBody>;

export const DuesBaseResponse = z.object({
  id: z.number().int(),
  memberId: z.number().int(),
  memberName: z.string(),
  year: z.number().int(),
  category: DuesCategory,
  categoryLabel: z.string(),
  incomeFen: z.number().int().nullable(),
  rateBp: z.number().int().nullable(),
  monthlyFen: z.number().int(),
  rulesVersion: z.number().int(),
  fromMonth: z.string(),
  declaredOn: z.string(),
  org: DuesNamed,
  note: z.string().nullable(),
  version: z.number().int(),
});
export type DuesBaseResponse = z.infer<typeof DuesBaseResponse>;

export const DuesBaseListQuery = z.object({
  year: DuesYearQuery,
  orgId: QueryId('组织').optional(),
  /** Only members without a base for the year. */
  missing: QueryBool('仅未申报', false),
  limit: PageLimit(500, 50),
  cursor: PageCursor.optional(),
});
export type DuesBaseListQuery = z.infer<typeof DuesBaseListQuery>;

export const DuesBaseListItem = z.object({
  memberId: z.number().int(),
  memberName: z.string(),
  memberType: z.string(),
  org: DuesNamed,
  base: DuesBaseResponse.nullable(),
});
export const DuesBaseListResponse = z.object({
  items: z.array(DuesBaseListItem),
  nextCursor: z.string().nullable(),
  /** Members of the list's scope and org on the rolls, and how many of them have no base. */
  totals: z.object({ members: z.number().int(), missing: z.number().int() }),
});
export type DuesBaseListResponse = z.infer<typeof DuesBaseListResponse>;

export const DuesMonthState = z.enum(DUES_MONTH_STATES);
export type DuesMonthState = z.infer<typeof DuesMonthState>;
export const DuesMonthCreateBody = z.object({ orgId: RecordId('支部'), month: YearMonth('月份') });
export type DuesMonthCreateBody = z.infer<typeof DuesMonthCreateBody>;

export const DuesMonthCloseBody = z.object({ version: Version });

export const DuesMonthListQuery = z.object({
  orgId: QueryId('支部').optional(),
  year: DuesYearQuery.optional(),
  limit: PageLimit(500, 100),
  cursor: PageCursor.optional(),
});
export type DuesMonthListQuery = z.infer<typeof DuesMonthListQuery>;

export const DuesMonthTotals = z.object({
  members: z.number().int(),
  /** Members with an amount due this month (a base covering it, not waived). */
  due: z.number().int(),
  paid: z.number().int(),
  expectedFen: z.number().int(),
  /** The month's dues paid (whenever). */
  paidFen: z.number().int(),
  /** Money booked in this month's ledger (payments made on a day of the month). */
  collectedFen: z.number().int(),
});

export const DuesMonthResponse = z.object({
  id: z.number().int(),
  org: DuesNamed,
  month: z.string(),
  state: DuesMonthState,
  stateLabel: z.string(),
  /** Fixed when the month is closed (null before: the month's page computes them). */
  expectedFen: z.number().int().nullable(),
  collectedFen: z.number().int().nullable(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
  policies: z.object({ close: z.boolean(), pay: z.boolean() }),
});
export type DuesMonthResponse = z.infer<typeof DuesMonthResponse>;

export const DuesMonthListResponse = z.object({
  items: z.array(DuesMonthResponse),
  nextCursor: z.string().nullable(),
});
export type DuesMonthListResponse = z.infer<typeof DuesMonthListResponse>;

export const DuesMonthMember = z.object({
  memberId: z.number().int(),
  memberName: z.string(),
  memberType: z.string(),
  /** The amount due this month; null without a base covering the month. */
  dueFen: z.number().int().nullable(),
  relief: z.enum(['waived', 'reduced']).nullable(),
  paid: z.boolean(),
  paymentId: z.number().int().nullable(),
  paidOn: z.string().nullable(),
  method: z.string().nullable(),
});

export const DuesMonthDetailResponse = DuesMonthResponse.extend({
  totals: DuesMonthTotals,
  members: z.array(DuesMonthMember),
});
export type DuesMonthDetailResponse = z.infer<typeof DuesMonthDetailResponse>;

export const DuesMonthIdParams = IdParams;

export const DuesMethod = z.enum(DUES_METHODS, { error: '交纳方式应为现金或转账' });
export type DuesMethod = z.infer<typeof DuesMethod>;
export const DuesPaymentCreateBody = z.object({
  memberId: RecordId('党员'),
  fromMonth: YearMonth('起始月份'),
  /** The last month paid for (the same as fromMonth for one month); at most 12 months. */
  toMonth: YearMonth('截止月份'),
  method: DuesMethod,
  paidOn: PastDate('交纳日期', '2000-01-01'),
  /** Paid by someone else (a relative): their name. */
  payerName: OptionalText('代交人', 40),
  note: OptionalText('备注', 500),
});
export type DuesPaymentCreateBody = z.infer<typeof DuesPaymentCreateBody>;
export type DuesPaymentCreateInput = z.input<typeof DuesPaymentCreateBody>;

export const DuesPaymentReverseBody = z.object({ reason: Text('冲正原因', { min: 1, max: 200 }) });

export const DuesPaymentResponse = z.object({
  id: z.number().int(),
  memberId: z.number().int(),
  memberName: z.string(),
  org: DuesNamed,
  fromMonth: z.string(),
  toMonth: z.string(),
  months: z.array(z.object({ month: z.string(), amountFen: z.number().int() })),
  amountFen: z.number().int(),
  method: DuesMethod,
  methodLabel: z.string(),
  paidOn: z.string(),
  collectedBy: z.string().nullable(),
  payerName: z.string().nullable(),
  note: z.string().nullable(),
  reversedAt: z.string().nullable(),
  policies: z.object({ reverse: z.boolean() }),
});
export type DuesPaymentResponse = z.infer<typeof DuesPaymentResponse>;

export const DuesPaymentListQuery = z.object({
  memberId: QueryId('党员').optional(),
  orgId: QueryId('组织').optional(),
  year: DuesYearQuery.optional(),
  limit: PageLimit(200, 50),
  cursor: PageCursor.optional(),
});
export type DuesPaymentListQuery = z.infer<typeof DuesPaymentListQuery>;

export const DuesPaymentListResponse = z.object({
  items: z.array(DuesPaymentResponse),
  nextCursor: z.string().nullable(),
});
export type DuesPaymentListResponse = z.infer<typeof DuesPaymentListResponse>;

// ---- arrears (欠缴) and a member's dues ----

export const DuesArrearsQuery = z.object({
  orgId: QueryId('组织').optional(),
  /** Members owing at least this many months. */
  minMonths: QueryInt('欠缴月数', 1, 120).default(1),
  limit: PageLimit(500, 50),
  cursor: PageCursor.optional(),
});
export type DuesArrearsQuery = z.infer<typeof DuesArrearsQuery>;

export type DuesBaseListItem = z.infer<typeof DuesBaseListItem>;
export type DuesMonthMember = z.infer<typeof DuesMonthMember>;

export const DuesArrearsItem = z.object({
  memberId: z.number().int(),
  memberName: z.string(),
  org: DuesNamed,
  months: z.number().int(),
  amountFen: z.number().int(),
  oldestMonth: z.string(),
});
export type DuesArrearsItem = z.infer<typeof DuesArrearsItem>;
export const DuesArrearsResponse = z.object({
  items: z.array(DuesArrearsItem),
  nextCursor: z.string().nullable(),
  totals: z.object({ members: z.number().int(), months: z.number().int(), amountFen: z.number().int() }),
});
export type DuesArrearsResponse = z.infer<typeof DuesArrearsResponse>;

export const DuesRemindBody = z.object({ orgId: RecordId('组织').optional() });
export const DuesRemindResponse = z.object({ sent: z.number().int() });

export const DuesMemberParams = z.object({ memberId: IdParams.shape.id });

export const DuesMemberResponse = z.object({
  memberId: z.number().int(),
  memberName: z.string(),
  base: DuesBaseResponse.nullable(),
  /** 党费交至: the last month of the unbroken run of paid or waived months, null before any. */
  paidUpTo: z.string().nullable(),
  owed: z.array(z.object({ month: z.string(), amountFen: z.number().int() })),
  owedFen: z.number().int(),
  /** Months of the year of the base paid, in order. */
  paidMonths: z.array(z.string()),
});
export type DuesMemberResponse = z.infer<typeof DuesMemberResponse>;
