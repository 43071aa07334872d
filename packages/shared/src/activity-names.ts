/**
 * The kinds of 履历 entry, the units their quantities are counted in, and their Chinese names, without
 * zod (the schemas in ./activity.ts build on these lists).
 */

type ActivityUnit = (typeof ACTIVITY_UNITS)[number];
type ActivityKind = (typeof ACTIVITY_KIND_LIST)[number];

/**
 * The member activity ledger (党员履历): one entry for each deed of a member that something
 * counts. Each kind has one unit; an amount of money is kept in fen (分) and shown in yuan (元).
 */

/** What a quantity counts: times (次), class hours (学时), hours (小时), fen shown as yuan (元), points (分). */
export const ACTIVITY_UNITS = ['times', 'class_hours', 'hours', 'fen', 'points'] as const;

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
