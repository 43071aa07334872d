import type { ActivityKind, FeedbackFigures } from '@ningxin/shared';

/** A member's year in the ledger, by kind (the activity service's `yearTotals`). */
export type YearTotals = ReadonlyMap<
  ActivityKind,
  { quantity: number; entries: number; latestTitle: string }
>;

/**
 * The feedback's figures from a member's year: meetings attended, study hours, volunteer hours,
 * contributions (how many, and their amount in fen), honours, and the latest evaluation's grade.
 * Zero (or no grade) where nothing was recorded.
 */
export function figuresOf(totals: YearTotals | undefined): FeedbackFigures {
  const q = (kind: ActivityKind) => totals?.get(kind)?.quantity ?? 0;
  return {
    meetings: q('meeting_attended'),
    studyHours: q('study_hours'),
    volunteerHours: q('volunteer_hours'),
    contributions: totals?.get('contribution')?.entries ?? 0,
    contributionFen: q('contribution'),
    honours: q('honour'),
    evaluation: totals?.get('evaluation')?.latestTitle ?? null,
  };
}

/** An amount in fen as yuan, for print and sheets (¥ 1,234.50 → "1234.5"). */
export const yuan = (fen: number) => Math.round(fen) / 100;
