import { z } from 'zod';
import { MIN_DATE } from './common/calendar';
import { MAX_DATE } from './common/dates';
import { QueryInt } from './common/ids';
import { pageOf } from './common/page';
import { MemberStatus } from './members/enums';

/**
 * The member activity ledger (党员履历): one entry for each deed of a member that something
 * counts. Each kind has one unit; an amount of money is kept in fen (分) and shown in yuan (元).
 */

/** What a quantity counts: times (次), class hours (学时), hours (小时), fen shown as yuan (元), points (分). */
export const ACTIVITY_UNITS = ['times', 'class_hours', 'hours', 'fen', 'points'] as const;
export const ActivityUnit = z.enum(ACTIVITY_UNITS);
export type ActivityUnit = z.infer<typeof ActivityUnit>;

/** The unit as a quantity is shown (an amount in fen is shown in yuan). */
export const ACTIVITY_UNIT_LABELS: Record<ActivityUnit, string> = {
  times: '次',
  class_hours: '学时',
  hours: '小时',
  fen: '元',
  points: '分',
};

export const ACTIVITY_KIND_LIST = [
  'meeting_attended', // 参加组织生活
  'study_hours', // 学习
  'volunteer_hours', // 志愿服务
  'contribution', // 服务家乡
  'honour', // 表彰
  'dues_paid', // 缴纳党费
  'evaluation', // 民主评议
  'contact', // 与组织联系
  'care', // 关爱帮扶
  'status_changed', // 状态变化
] as const;
export const ActivityKind = z.enum(ACTIVITY_KIND_LIST);
export type ActivityKind = z.infer<typeof ActivityKind>;

/** Each kind's Chinese name and the unit its quantity is counted in. */
export const ACTIVITY_KINDS: Record<ActivityKind, { label: string; unit: ActivityUnit }> = {
  meeting_attended: { label: '参加组织生活', unit: 'times' },
  study_hours: { label: '学习', unit: 'class_hours' },
  volunteer_hours: { label: '志愿服务', unit: 'hours' },
  contribution: { label: '服务家乡', unit: 'fen' },
  honour: { label: '获得表彰', unit: 'times' },
  dues_paid: { label: '缴纳党费', unit: 'fen' },
  evaluation: { label: '民主评议', unit: 'points' },
  contact: { label: '与组织联系', unit: 'times' },
  care: { label: '关爱帮扶', unit: 'times' },
  status_changed: { label: '状态变化', unit: 'times' },
};

/** The largest quantity the ledger's column holds (numeric(14, 2)). */
export const ACTIVITY_QUANTITY_MAX = 999_999_999_999;

/**
 * What is wrong with a quantity in the unit, or null: it is a finite number from 0 to the column's
 * maximum with at most two decimals, and a whole number of fen for money.
 */
export function activityQuantityIssue(unit: ActivityUnit, quantity: number): string | null {
  if (!Number.isFinite(quantity)) return '数量应为有限数字';
  if (quantity < 0) return '数量不能为负数';
  if (quantity > ACTIVITY_QUANTITY_MAX) return '数量超出范围';
  if (unit === 'fen') return Number.isInteger(quantity) ? null : '金额应为整数（分）';
  const cents = quantity * 100;
  return Math.abs(cents - Math.round(cents)) < 1e-6 ? null : '数量最多两位小数';
}

/** A quantity in the unit it is shown in: fen as yuan, everything else as it is. */
export function activityDisplayQuantity(unit: ActivityUnit, quantity: number): number {
  return unit === 'fen' ? quantity / 100 : quantity;
}

/** `GET /members/:id/activity`: a year's entries, or without a year the most recent; newest first. */
export const ActivityQuery = z.object({
  year: QueryInt('年份', Number(MIN_DATE.slice(0, 4)), Number(MAX_DATE.slice(0, 4))).optional(),
  limit: QueryInt('每页条数', 1, 200).default(50),
  cursor: z.string().max(200, '分页游标无效').meta({ format: 'page-cursor' }).optional(),
});
export type ActivityQuery = z.infer<typeof ActivityQuery>;

/** A status change's own facts, from the member's status timeline. */
export const ActivityStatusChange = z.object({
  fromStatus: MemberStatus.nullable(),
  toStatus: MemberStatus,
  /** The account that made the change as logged at the time, and its display name now. */
  actorName: z.string().nullable(),
  actorDisplayName: z.string().nullable(),
});
export type ActivityStatusChange = z.infer<typeof ActivityStatusChange>;

/** One entry of a member's timeline. */
export const ActivityItem = z.object({
  id: z.number().int(),
  kind: ActivityKind,
  occurredOn: z.string(),
  /** In the unit (fen for money). */
  quantity: z.number(),
  unit: ActivityUnit,
  /** What it was: the meeting's topic, the status change's reason. */
  title: z.string(),
  /** The org the member belonged to when it happened, with its name now. */
  orgId: z.number().int().nullable(),
  orgName: z.string().nullable(),
  /** The record behind the entry. */
  source: z.object({ module: z.string(), id: z.string() }),
  recordedAt: z.string(),
  /** For a status change: from which status to which, and who made it. */
  statusChange: ActivityStatusChange.nullable(),
});
export type ActivityItem = z.infer<typeof ActivityItem>;

/** An entry of any member in the user's scope, for the workbench's 最近动态. */
export const RecentActivityItem = z.object({
  id: z.number().int(),
  member: z.object({ id: z.number().int(), name: z.string() }),
  kind: ActivityKind,
  occurredOn: z.string(),
  title: z.string(),
  recordedAt: z.string(),
});
export type RecentActivityItem = z.infer<typeof RecentActivityItem>;

/** One kind's total in a year: the quantities summed, and how many entries. */
export const ActivityTotal = z.object({
  kind: ActivityKind,
  unit: ActivityUnit,
  quantity: z.number(),
  entries: z.number().int(),
});
export type ActivityTotal = z.infer<typeof ActivityTotal>;

/** A member's year: the kinds that have entries, in the order of ACTIVITY_KIND_LIST. */
export const ActivityYearSummary = z
  .object({ year: z.number().int(), totals: z.array(ActivityTotal) })
  .meta({ id: 'ActivityYearSummary' });
export type ActivityYearSummary = z.infer<typeof ActivityYearSummary>;

export const ActivityTimelineResponse = pageOf(ActivityItem, z.string())
  .extend({
    memberId: z.number().int(),
    /** The year asked for; null for the most recent entries. */
    year: z.number().int().nullable(),
    /** The year's totals by kind; null without a year. */
    summary: ActivityYearSummary.nullable(),
    /** The years that have entries, newest first (for a year picker). */
    years: z.array(z.number().int()),
  })
  .meta({ id: 'MemberActivity' });
export type ActivityTimelineResponse = z.infer<typeof ActivityTimelineResponse>;
