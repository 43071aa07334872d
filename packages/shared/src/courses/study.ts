import { z } from 'zod';
import { BEAT_OUTCOMES, CourseKindSchema } from './enums';

/** Contracts of a member's own courses (member.self): the list, the player, heartbeats, the quiz. */

export const CourseProgressResponse = z
  .object({
    /** The seconds the server counted, and those the course asks for. */
    countedSeconds: z.number().int(),
    requiredSeconds: z.number().int(),
    /** A document's pages viewed, and how many it has (null: not a document or not counted). */
    pagesViewed: z.array(z.number().int()),
    pageCount: z.number().int().nullable(),
    /** Where the member left off (seconds into a video, a page of a document). */
    position: z.number().int(),
    /** The time (and pages) are done: the quiz may be taken. */
    studied: z.boolean(),
    quiz: z
      .object({
        passMark: z.number().int(),
        score: z.number().int().nullable(),
        passed: z.boolean(),
        attempts: z.number().int(),
      })
      .nullable(),
    completedAt: z.string().nullable(),
    /** The study hours credited to the member (once completed). */
    creditedHours: z.number().nullable(),
  })
  .meta({ id: 'CourseProgress' });
export type CourseProgressResponse = z.infer<typeof CourseProgressResponse>;

export const MyCourseItem = z.object({
  id: z.number().int(),
  title: z.string(),
  kind: CourseKindSchema,
  kindLabel: z.string(),
  series: z.object({ id: z.number().int(), title: z.string() }).nullable(),
  orgName: z.string(),
  summary: z.string().nullable(),
  required: z.boolean(),
  plannedMinutes: z.number().int(),
  creditHours: z.number(),
  publishedAt: z.string().nullable(),
  publishUntil: z.string().nullable(),
  /** Seconds counted so far; completed when done. */
  countedSeconds: z.number().int(),
  completedAt: z.string().nullable(),
});
export type MyCourseItem = z.infer<typeof MyCourseItem>;

export const MyCoursesResponse = z.object({ items: z.array(MyCourseItem) });
export type MyCoursesResponse = z.infer<typeof MyCoursesResponse>;

/** The course as the player shows it: the quiz without its answers. */
export const MyCourseResponse = MyCourseItem.extend({
  body: z.string().nullable(),
  externalUrl: z.string().nullable(),
  pageCount: z.number().int().nullable(),
  quiz: z
    .object({
      passMark: z.number().int(),
      questions: z.array(z.object({ text: z.string(), options: z.array(z.string()), multiple: z.boolean() })),
    })
    .nullable(),
  progress: CourseProgressResponse,
}).meta({ id: 'MyCourse' });
export type MyCourseResponse = z.infer<typeof MyCourseResponse>;

/**
 * A heartbeat from the player (every 30 s, and when the page is hidden, paused or ended). It
 * reports what happened since the device's previous beat; the server decides what counts.
 */
export const CourseBeatBody = z.object({
  /** A random id the player keeps for the device (one device at a time holds a course). */
  deviceId: z
    .string({ error: '设备标识应为文字' })
    .regex(/^[A-Za-z0-9_-]{8,64}$/, '设备标识应为 8–64 位字母、数字、- 或 _'),
  /** Increases by one each beat of the device; a beat sent twice counts once. */
  seq: z
    .number({ error: '序号应为数字' })
    .int('序号应为整数')
    .min(1, '序号应为正整数')
    .max(1_000_000_000, '序号超出范围'),
  /** Whether the page stayed visible since the previous beat. */
  visible: z.boolean({ error: '应为是或否' }),
  /** A video: the fastest playback rate used since the previous beat (1 = normal speed). */
  rate: z
    .number({ error: '播放速度应为数字' })
    .min(0, '播放速度超出范围')
    .max(16, '播放速度超出范围')
    .optional(),
  /** A video: the seconds of media actually played since the previous beat (not position jumps). */
  played: z
    .number({ error: '播放时长应为数字' })
    .min(0, '播放时长不能为负数')
    .max(3600, '播放时长超出范围')
    .optional(),
  /** Where the member is (seconds into a video, a page of a document), to resume. */
  position: z
    .number({ error: '位置应为数字' })
    .int('位置应为整数')
    .min(0, '位置不能为负数')
    .max(1_000_000, '位置超出范围')
    .default(0),
  /** A document: the page shown (1-based). */
  page: z
    .number({ error: '页码应为数字' })
    .int('页码应为整数')
    .min(1, '页码至少为 1')
    .max(2000, '页码超出范围')
    .optional(),
});
export type CourseBeatBody = z.infer<typeof CourseBeatBody>;
export type CourseBeatInput = z.input<typeof CourseBeatBody>;

export const CourseBeatResponse = z.object({
  outcome: z.enum(BEAT_OUTCOMES),
  /** Seconds this beat added. */
  counted: z.number().int(),
  progress: CourseProgressResponse,
});
export type CourseBeatResponse = z.infer<typeof CourseBeatResponse>;

export const QuizAnswerBody = z.object({
  /** One list of chosen options (0-based) per question, in order. */
  answers: z
    .array(
      z
        .array(
          z
            .number({ error: '选项应为数字' })
            .int('选项应为整数')
            .min(0, '选项超出范围')
            .max(7, '选项超出范围'),
          {
            error: '答案应为列表',
          },
        )
        .max(8, '选项过多'),
      { error: '答案应为列表' },
    )
    .max(50, '答案过多'),
});
export type QuizAnswerBody = z.infer<typeof QuizAnswerBody>;

export const QuizResultResponse = z.object({
  score: z.number().int(),
  passed: z.boolean(),
  progress: CourseProgressResponse,
});
export type QuizResultResponse = z.infer<typeof QuizResultResponse>;
