import { z } from 'zod';

/** Course kinds and states with their labels, and the heartbeat's timing. */

export const COURSE_KINDS = ['article', 'video', 'document'] as const;
export type CourseKind = (typeof COURSE_KINDS)[number];
export const CourseKindSchema = z.enum(COURSE_KINDS, { error: '不是可选的课程类型' });
export const COURSE_KIND_LABELS: Record<CourseKind, string> = {
  article: '图文',
  video: '视频',
  document: '文档',
};

export const COURSE_STATES = ['draft', 'published', 'withdrawn'] as const;
export type CourseState = (typeof COURSE_STATES)[number];
export const CourseStateSchema = z.enum(COURSE_STATES, { error: '不是可选的课程状态' });
export const COURSE_STATE_LABELS: Record<CourseState, string> = {
  draft: '草稿',
  published: '已发布',
  withdrawn: '已撤回',
};

/** The state changes a manager makes: publish a draft (or a withdrawn course again), withdraw. */
export const COURSE_TRANSITIONS: Record<CourseState, readonly CourseState[]> = {
  draft: ['published'],
  published: ['withdrawn'],
  withdrawn: ['published'],
};

/** The player sends a heartbeat this often while the course is open (seconds). */
export const COURSE_BEAT_SECONDS = 30;
/** At most this many seconds count for one heartbeat, however long since the previous one. */
export const COURSE_BEAT_CAP_SECONDS = 40;
/** A device holds a course until it has been quiet this long (seconds); meanwhile others count nothing. */
export const COURSE_DEVICE_HOLD_SECONDS = 90;

/**
 * What the server made of a heartbeat: counted (time added), started (the clock starts: a first
 * beat, or a device taking the course over), replayed (a beat already counted), other_device
 * (another device holds the course), hidden (the page was not visible), fast (played faster than
 * normal speed), done (already completed).
 */
export const BEAT_OUTCOMES = [
  'counted',
  'started',
  'replayed',
  'other_device',
  'hidden',
  'fast',
  'done',
] as const;
export type BeatOutcome = (typeof BEAT_OUTCOMES)[number];
