import type { ActivityKind, FeedbackFigures } from '@ningxin/shared';
import { type Executor, queryRows } from '../../../db/client';
import { approvedReflectionsOf } from '../../learning/reflections/reflections.fragments';

/** A member's year in the ledger, by kind (the activity service's `yearTotals`). */
export type YearTotals = ReadonlyMap<
  ActivityKind,
  { quantity: number; entries: number; latestTitle: string }
>;

/** Each member's approved reflections of the year, by member id (the reflections' published fragment). */
export async function yearReflections(
  db: Executor,
  memberIds: readonly number[],
  year: number,
): Promise<Map<number, string[]>> {
  const rows = await queryRows<{ member_id: number; title: string }>(
    db,
    approvedReflectionsOf(memberIds, year),
  );
  const out = new Map<number, string[]>();
  for (const r of rows) out.set(r.member_id, [...(out.get(r.member_id) ?? []), r.title]);
  return out;
}

/**
 * The feedback's figures from a member's year: meetings attended, study hours, volunteer hours,
 * contributions (how many, and their amount in fen), honours, the latest evaluation's grade, and
 * the approved reflections (how many, their titles). Zero (or no grade) where nothing was recorded.
 */
export function figuresOf(
  totals: YearTotals | undefined,
  reflectionTitles: readonly string[] = [],
): FeedbackFigures {
  const q = (kind: ActivityKind) => totals?.get(kind)?.quantity ?? 0;
  return {
    meetings: q('meeting_attended'),
    studyHours: q('study_hours'),
    volunteerHours: q('volunteer_hours'),
    contributions: totals?.get('contribution')?.entries ?? 0,
    contributionFen: q('contribution'),
    honours: q('honour'),
    care: q('care'),
    evaluation: totals?.get('evaluation')?.latestTitle ?? null,
    reflections: reflectionTitles.length,
    reflectionTitles: [...reflectionTitles],
  };
}

/** An amount in fen as yuan, for print and sheets (¥ 1,234.50 → "1234.5"). */
export const yuan = (fen: number) => Math.round(fen) / 100;
