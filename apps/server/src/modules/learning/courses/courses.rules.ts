/**
 * The completion rules of a course, decided here and nowhere else: what a heartbeat counts, and
 * when the counted time, the pages and the quiz make a course completed.
 */
import {
  type BeatOutcome,
  COURSE_BEAT_CAP_SECONDS,
  COURSE_DEVICE_HOLD_SECONDS,
  type CourseBeatBody,
  type CourseKind,
} from '@ningxin/shared';

/** What the server holds of a member's progress between beats. */
export interface BeatState {
  deviceId: string | null;
  lastSeq: number;
  lastBeatAt: Date | null;
  completed: boolean;
}

export interface BeatJudgement {
  outcome: BeatOutcome;
  /** Whole seconds the beat adds. */
  counted: number;
  /** Whether the beat is accepted: the device holds the course and its clock restarts now. */
  accepted: boolean;
}

/**
 * Judges a beat against the state. A beat of another device while the holder is not yet quiet,
 * or a beat already seen (same device, sequence not higher), changes nothing. A first beat (or a
 * device taking over) starts the clock. Otherwise the time since the previous accepted beat
 * counts, capped, only if the page stayed visible; for a video only the media actually played
 * (never more than the clock), at normal speed or slower.
 */
export function judgeBeat(
  kind: CourseKind,
  state: BeatState,
  beat: CourseBeatBody,
  now: Date,
): BeatJudgement {
  const quietFor = state.lastBeatAt ? (now.getTime() - state.lastBeatAt.getTime()) / 1000 : Infinity;
  if (state.deviceId && state.deviceId !== beat.deviceId && quietFor < COURSE_DEVICE_HOLD_SECONDS)
    return { outcome: 'other_device', counted: 0, accepted: false };
  if (state.deviceId === beat.deviceId && beat.seq <= state.lastSeq)
    return { outcome: 'replayed', counted: 0, accepted: false };
  if (state.completed) return { outcome: 'done', counted: 0, accepted: true };
  if (state.deviceId !== beat.deviceId || !state.lastBeatAt)
    return { outcome: 'started', counted: 0, accepted: true };
  if (!beat.visible) return { outcome: 'hidden', counted: 0, accepted: true };
  const window = Math.max(0, Math.min(quietFor, COURSE_BEAT_CAP_SECONDS));
  if (kind !== 'video') return { outcome: 'counted', counted: Math.floor(window), accepted: true };
  const played = beat.played ?? 0;
  // Faster than normal speed, or more media played than the clock allows: nothing counts.
  if ((beat.rate ?? 1) > 1 || played > quietFor * 1.05 + 1)
    return { outcome: 'fast', counted: 0, accepted: true };
  return { outcome: 'counted', counted: Math.floor(Math.min(played, window)), accepted: true };
}

/** The seconds a course asks for. */
export const requiredSecondsOf = (plannedMinutes: number) => plannedMinutes * 60;

/** Whether the time and (for a document with a page count) every page are done. */
export function studied(
  course: { kind: string; plannedMinutes: number; pageCount: number | null },
  progress: { countedSeconds: number; pagesViewed: readonly number[] },
): boolean {
  if (progress.countedSeconds < requiredSecondsOf(course.plannedMinutes)) return false;
  if (course.kind !== 'document' || !course.pageCount) return true;
  const seen = new Set(progress.pagesViewed);
  for (let p = 1; p <= course.pageCount; p++) if (!seen.has(p)) return false;
  return true;
}

/** A quiz's score in percent: a question is right when exactly its answers are chosen. */
export function quizScore(
  questions: readonly { answers: readonly number[] }[],
  answers: readonly (readonly number[])[],
): number {
  if (!questions.length) return 0;
  let right = 0;
  questions.forEach((q, i) => {
    const given = [...new Set(answers[i] ?? [])].sort();
    const expected = [...new Set(q.answers)].sort();
    if (given.length === expected.length && given.every((v, j) => v === expected[j])) right++;
  });
  return Math.round((right * 100) / questions.length);
}
