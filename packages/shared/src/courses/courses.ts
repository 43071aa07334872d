import { z } from 'zod';
import { DateTime } from '../common/dates';
import { ClassHours } from '../common/hours';
import { IdParams, QueryInt, RecordId, Version } from '../common/ids';
import { PageCursor, PageLimit, pageOf } from '../common/page';
import { OptionalText, Text } from '../common/text';
import { PositionTitle } from '../orgs';
import { CourseKindSchema, CourseStateSchema } from './enums';

/** Contracts of courses and series for those who manage them (course.manage). */

const Named = z.object({ id: z.number().int(), name: z.string() });

/** Study hours a course credits (学时): 0 to 99.9, one decimal. */
export const CreditHours = ClassHours('学时', { max: 99.9 });

const QuizQuestion = z.object({
  text: Text('题目', { min: 1, max: 300 }),
  options: z
    .array(Text('选项', { min: 1, max: 200 }), { error: '选项应为列表' })
    .min(2, '至少 2 个选项')
    .max(8, '最多 8 个选项'),
  /** The right options (0-based); more than one only for a multiple-choice question. */
  answers: z
    .array(
      z.number({ error: '答案应为数字' }).int('答案应为整数').min(0, '答案超出范围').max(7, '答案超出范围'),
      {
        error: '答案应为列表',
      },
    )
    .min(1, '请选择正确答案')
    .max(8, '答案过多'),
  multiple: z.boolean({ error: '应为是或否' }).default(false),
});

/** A quiz at the end of a required course: pass mark (percent) and single/multiple-choice questions. */
export const CourseQuiz = z.object({
  passMark: z
    .number({ error: '及格分应为数字' })
    .int('及格分应为整数')
    .min(1, '及格分至少为 1')
    .max(100, '及格分不能超过 100'),
  questions: z.array(QuizQuestion, { error: '题目应为列表' }).min(1, '至少 1 道题').max(50, '最多 50 道题'),
});
export type CourseQuiz = z.infer<typeof CourseQuiz>;
export type CourseQuizInput = z.input<typeof CourseQuiz>;

const CourseFields = {
  title: Text('课程名称', { min: 2, max: 100, minMessage: '请填写课程名称' }),
  kind: CourseKindSchema,
  seriesId: RecordId('系列').nullable(),
  summary: OptionalText('简介', 500, { multiline: true }),
  /** An article's text (rich text, sanitized on the server). */
  body: OptionalText('正文', 100_000, { multiline: true }),
  externalUrl: Text('视频链接', { max: 500 })
    .regex(/^https:\/\/[^\s]+$/, '视频链接应以 https:// 开头')
    .nullable(),
  pageCount: z
    .number({ error: '页数应为数字' })
    .int('页数应为整数')
    .min(1, '页数至少为 1')
    .max(2000, '页数不能超过 2000')
    .nullable(),
  required: z.boolean({ error: '应为是或否' }),
  audienceOrgIds: z.array(RecordId('党组织'), { error: '范围应为组织列表' }).max(50, '最多选择 50 个组织'),
  audiencePositions: z.array(PositionTitle, { error: '职务应为列表' }).max(8, '职务最多 8 个'),
  publishFrom: DateTime('发布开始时间').nullable(),
  publishUntil: DateTime('发布截止时间').nullable(),
  plannedMinutes: z
    .number({ error: '学习时长应为数字' })
    .int('学习时长应为整数（分钟）')
    .min(1, '学习时长至少 1 分钟')
    .max(600, '学习时长不能超过 600 分钟'),
  creditHours: CreditHours,
  quiz: CourseQuiz.nullable(),
};

export const CourseCreateBody = z.object({
  ...CourseFields,
  /** The publishing org: its subtree's secretaries manage the course. */
  orgId: RecordId('发布组织'),
  seriesId: CourseFields.seriesId.optional(),
  externalUrl: CourseFields.externalUrl.optional(),
  pageCount: CourseFields.pageCount.optional(),
  required: CourseFields.required.default(false),
  audienceOrgIds: CourseFields.audienceOrgIds.default([]),
  audiencePositions: CourseFields.audiencePositions.default([]),
  publishFrom: CourseFields.publishFrom.optional(),
  publishUntil: CourseFields.publishUntil.optional(),
  quiz: CourseFields.quiz.optional(),
});
export type CourseCreateBody = z.infer<typeof CourseCreateBody>;
export type CourseCreateInput = z.input<typeof CourseCreateBody>;

export const CourseUpdateBody = z.object({
  title: CourseFields.title.optional(),
  seriesId: CourseFields.seriesId.optional(),
  summary: CourseFields.summary,
  body: CourseFields.body,
  externalUrl: CourseFields.externalUrl.optional(),
  pageCount: CourseFields.pageCount.optional(),
  required: CourseFields.required.optional(),
  audienceOrgIds: CourseFields.audienceOrgIds.optional(),
  audiencePositions: CourseFields.audiencePositions.optional(),
  publishFrom: CourseFields.publishFrom.optional(),
  publishUntil: CourseFields.publishUntil.optional(),
  plannedMinutes: CourseFields.plannedMinutes.optional(),
  creditHours: CreditHours.optional(),
  quiz: CourseFields.quiz.optional(),
  version: Version,
});
export type CourseUpdateBody = z.infer<typeof CourseUpdateBody>;
export type CourseUpdateInput = z.input<typeof CourseUpdateBody>;

export const CourseStateBody = z.object({
  to: z.enum(['published', 'withdrawn'], { error: '不是可选的状态' }),
  version: Version,
});
export type CourseStateBody = z.infer<typeof CourseStateBody>;

export const CourseIdParams = IdParams;

export const CourseListQuery = z.object({
  kind: CourseKindSchema.optional(),
  state: CourseStateSchema.optional(),
  seriesId: QueryInt('系列', 1, 2_147_483_647).optional(),
  q: Text('关键词', { max: 30 }).optional(),
  limit: PageLimit(100, 20),
  cursor: PageCursor.optional(),
});
export type CourseListQuery = z.infer<typeof CourseListQuery>;

export const CourseResponse = z
  .object({
    id: z.number().int(),
    title: z.string(),
    kind: CourseKindSchema,
    kindLabel: z.string(),
    series: z.object({ id: z.number().int(), title: z.string() }).nullable(),
    org: Named,
    summary: z.string().nullable(),
    body: z.string().nullable(),
    externalUrl: z.string().nullable(),
    pageCount: z.number().int().nullable(),
    required: z.boolean(),
    audienceOrgs: z.array(Named),
    audiencePositions: z.array(z.string()),
    publishFrom: z.string().nullable(),
    publishUntil: z.string().nullable(),
    plannedMinutes: z.number().int(),
    creditHours: z.number(),
    quiz: CourseQuiz.nullable(),
    state: CourseStateSchema,
    stateLabel: z.string(),
    publishedAt: z.string().nullable(),
    /** Members who started it and who completed it. */
    counts: z.object({ started: z.number().int(), completed: z.number().int() }),
    version: z.number().int(),
    createdAt: z.string(),
    policies: z.object({ edit: z.boolean(), publish: z.boolean(), withdraw: z.boolean() }),
  })
  .meta({ id: 'Course' });
export type CourseResponse = z.infer<typeof CourseResponse>;

export const CourseListResponse = pageOf(CourseResponse, z.string());
export type CourseListResponse = z.infer<typeof CourseListResponse>;

export const SeriesCreateBody = z.object({
  title: Text('系列名称', { min: 2, max: 100, minMessage: '请填写系列名称' }),
  description: OptionalText('系列简介', 500, { multiline: true }),
});
export type SeriesCreateBody = z.infer<typeof SeriesCreateBody>;

export const SeriesResponse = z.object({
  id: z.number().int(),
  title: z.string(),
  description: z.string().nullable(),
  courses: z.number().int(),
  createdAt: z.string(),
});
export type SeriesResponse = z.infer<typeof SeriesResponse>;
export const SeriesListResponse = z.object({ items: z.array(SeriesResponse) });
export type SeriesListResponse = z.infer<typeof SeriesListResponse>;
