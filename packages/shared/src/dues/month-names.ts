/**
 * Months of dues as the pages show them, the states of a month and the ways of paying, with their
 * Chinese names, without zod (the schemas in ./months.ts build on these lists).
 */

type DuesMonthState = (typeof DUES_MONTH_STATES)[number];
type DuesMethod = (typeof DUES_METHODS)[number];

/** Contracts of the dues ledgers: bases, months, payments, arrears and the member's own dues. */

/** `YYYY-MM` months from `from` to `to` inclusive (empty when `to` is before `from`). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const end = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7));
  while (y * 12 + m <= end) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** The month after (or, with -1, before) `YYYY-MM`. */
export function nextMonth(month: string, step = 1): string {
  const n = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + step;
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
}

/** `2026-03` → 2026年3月. */
export const monthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

// ---- months (月度台账) ----

export const DUES_MONTH_STATES = ['open', 'collected', 'closed'] as const;

export const DUES_MONTH_STATE_LABELS: Record<DuesMonthState, string> = {
  open: '收缴中',
  collected: '已收齐',
  closed: '已结账',
};

// ---- payments ----

export const DUES_METHODS = ['cash', 'transfer'] as const;

export const DUES_METHOD_LABELS: Record<DuesMethod, string> = { cash: '现金', transfer: '转账' };
