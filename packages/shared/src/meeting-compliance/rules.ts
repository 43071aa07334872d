import {
  MEETINGS_PER_YEAR,
  type MeetingFrequencies,
  type MeetingFrequency,
  REQUIRED_MEETINGS,
  type RequiredMeeting,
} from '../settings/rules';

/**
 * The compliance board (三会一课 落实情况): for a year and the required frequencies
 * ('life.meetingFrequencies'), which periods each required meeting type is due in, how many were
 * held in each, and whether a branch keeps up. The rules are pure; the server counts the held
 * meetings (state held or archived, in the Asia/Shanghai month of coalesce(held_at, planned_at))
 * and feeds them here.
 *
 * A period is one month, quarter, half-year or the year, as the frequency says; it asks for one
 * meeting at least. A period is:
 * - `done` when a meeting was held in it;
 * - `exempt` when an exemption covers any day of it (or the type is exempt by rule);
 * - `behind` when it is over (its last month is before the current month) and nothing was held;
 * - `in_progress` when it is not over yet (the current period, or one still to come).
 */

/** A branch with fewer full members than this elects no committee (支委会), so holds no 支委会. */
export const COMMITTEE_MIN_FULL_MEMBERS = 7;

export const PERIOD_STATUSES = ['done', 'behind', 'in_progress', 'exempt'] as const;
export type PeriodStatus = (typeof PERIOD_STATUSES)[number];
export const PERIOD_STATUS_LABELS: Record<PeriodStatus, string> = {
  done: '已完成',
  behind: '落后',
  in_progress: '进行中',
  exempt: '免于召开',
};

/** A type's standing for the year: behind if any period over is missed, else done if every period is met. */
export const TYPE_STATUSES = ['done', 'behind', 'in_progress', 'exempt'] as const;
export type TypeStatus = (typeof TYPE_STATUSES)[number];

export interface Period {
  /** `M01`…`M12`, `Q1`…`Q4`, `H1`/`H2`, `Y`. */
  key: string;
  label: string;
  /** First and last month of the period, 1–12. */
  fromMonth: number;
  toMonth: number;
}

/** The periods of a year a frequency asks one meeting in each of. */
export function periodsOf(frequency: MeetingFrequency): Period[] {
  const n = MEETINGS_PER_YEAR[frequency];
  const span = 12 / n;
  return Array.from({ length: n }, (_, i) => {
    const fromMonth = i * span + 1;
    const toMonth = fromMonth + span - 1;
    switch (frequency) {
      case 'monthly':
        return { key: `M${String(fromMonth).padStart(2, '0')}`, label: `${fromMonth}月`, fromMonth, toMonth };
      case 'quarterly':
        return { key: `Q${i + 1}`, label: `第${'一二三四'[i]}季度`, fromMonth, toMonth };
      case 'half_yearly':
        return { key: `H${i + 1}`, label: i === 0 ? '上半年' : '下半年', fromMonth, toMonth };
      default:
        return { key: 'Y', label: '全年', fromMonth, toMonth };
    }
  });
}

/** An exemption as the rules read it: the days it covers (untilOn null: open-ended). */
export interface ExemptSpan {
  fromOn: string;
  untilOn: string | null;
}

const monthStart = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}-01`;
const monthEnd = (year: number, month: number) => {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
};

/** Whether an exemption covers any day of the months `fromMonth`…`toMonth` of the year. */
export function spanTouches(span: ExemptSpan, year: number, fromMonth: number, toMonth: number): boolean {
  return (
    span.fromOn <= monthEnd(year, toMonth) &&
    (span.untilOn === null || span.untilOn >= monthStart(year, fromMonth))
  );
}

export interface TypeInput {
  frequency: MeetingFrequency;
  /** Meetings held in each month, January first (12 numbers). */
  heldByMonth: readonly number[];
  exemptions: readonly ExemptSpan[];
  /** Exempt for the whole year by a rule (e.g. too few full members for a committee). */
  exemptByRule: boolean;
}

export interface PeriodResult {
  key: string;
  label: string;
  held: number;
  status: PeriodStatus;
}

export interface TypeResult {
  frequency: MeetingFrequency;
  held: number;
  /** Meetings the year asks for (one per period not exempt). */
  required: number;
  /** Periods met (a meeting held, not exempt). */
  met: number;
  /** Periods counted so far: those over, and those not over already met (not exempt). */
  due: number;
  status: TypeStatus;
  periods: PeriodResult[];
}

/**
 * A type's year. `currentMonth` is the month of today as 1–12 within the year, 13 for a past
 * year (every period over), 0 for a future one (none over).
 */
export function typeCompliance(year: number, currentMonth: number, input: TypeInput): TypeResult {
  const periods = periodsOf(input.frequency).map((p): PeriodResult => {
    const held = input.heldByMonth.slice(p.fromMonth - 1, p.toMonth).reduce((a, b) => a + b, 0);
    const exempt =
      input.exemptByRule || input.exemptions.some((e) => spanTouches(e, year, p.fromMonth, p.toMonth));
    const status: PeriodStatus = exempt
      ? 'exempt'
      : held > 0
        ? 'done'
        : p.toMonth < currentMonth
          ? 'behind'
          : 'in_progress';
    return { key: p.key, label: p.label, held, status };
  });
  const counted = periods.filter((p) => p.status !== 'exempt');
  const met = counted.filter((p) => p.status === 'done').length;
  const due = counted.filter((p) => p.status === 'done' || p.status === 'behind').length;
  const status: TypeStatus =
    counted.length === 0
      ? 'exempt'
      : counted.some((p) => p.status === 'behind')
        ? 'behind'
        : met === counted.length
          ? 'done'
          : 'in_progress';
  return {
    frequency: input.frequency,
    held: input.heldByMonth.reduce((a, b) => a + b, 0),
    required: counted.length,
    met,
    due,
    status,
    periods,
  };
}

/** Met periods over counted periods, 0–1 rounded to 3 places; null when nothing is due yet. */
export function completionRate(results: readonly Pick<TypeResult, 'met' | 'due'>[]): number | null {
  const due = results.reduce((a, r) => a + r.due, 0);
  if (due === 0) return null;
  return Math.round((results.reduce((a, r) => a + r.met, 0) / due) * 1000) / 1000;
}

/** The month of `today` (YYYY-MM-DD) as the rules read it for `year`: 1–12, 13 for a past year, 0 for a future one. */
export function currentMonthOf(year: number, today: string): number {
  const y = Number(today.slice(0, 4));
  if (y > year) return 13;
  if (y < year) return 0;
  return Number(today.slice(5, 7));
}

export interface BranchInput {
  year: number;
  today: string;
  frequencies: MeetingFrequencies;
  /** Held meetings per type and month (types missing: none held). */
  held: Partial<Record<RequiredMeeting, readonly number[]>>;
  exemptions: Partial<Record<RequiredMeeting, readonly ExemptSpan[]>>;
  /** Full members on the rolls (正式党员, status 在册 or 失联). */
  fullMembers: number;
}

export interface BranchResult {
  types: Record<RequiredMeeting, TypeResult>;
  behind: RequiredMeeting[];
  completionRate: number | null;
}

const NO_MEETINGS = Array.from({ length: 12 }, () => 0);

/** Every required type of one branch for a year. */
export function branchCompliance(input: BranchInput): BranchResult {
  const currentMonth = currentMonthOf(input.year, input.today);
  const types = Object.fromEntries(
    REQUIRED_MEETINGS.map((type) => [
      type,
      typeCompliance(input.year, currentMonth, {
        frequency: input.frequencies[type],
        heldByMonth: input.held[type] ?? NO_MEETINGS,
        exemptions: input.exemptions[type] ?? [],
        exemptByRule: type === 'branch_committee' && input.fullMembers < COMMITTEE_MIN_FULL_MEMBERS,
      }),
    ]),
  ) as Record<RequiredMeeting, TypeResult>;
  return {
    types,
    behind: REQUIRED_MEETINGS.filter((t) => types[t].status === 'behind'),
    completionRate: completionRate(Object.values(types)),
  };
}
