import { z } from 'zod';
import { IdParams, PathId, QueryInt, RecordId, Version } from '../common/ids';
import { PageCursor, PageLimit, pageOf } from '../common/page';
import { Text } from '../common/text';
import { CommentStateSchema, ReflectionStateSchema, ReflectionSubjectTypeSchema } from './enums';

/** Contracts of reflections (心得体会): post, edit and resubmit, review, feature, comments. */

const Title = Text('标题', { min: 2, max: 100, minMessage: '请填写标题' });
const Body = Text('正文', { min: 10, max: 20_000, multiline: true, minMessage: '正文至少 10 个字' });

export const ReflectionCreateBody = z.object({
  subjectType: ReflectionSubjectTypeSchema,
  subjectId: RecordId('学习内容'),
  title: Title,
  body: Body,
});
export type ReflectionCreateBody = z.infer<typeof ReflectionCreateBody>;
export type ReflectionCreateInput = z.input<typeof ReflectionCreateBody>;

/** The author edits a reflection awaiting review or returned; a returned one goes back for review. */
export const ReflectionUpdateBody = z.object({
  title: Title.optional(),
  body: Body.optional(),
  version: Version,
});
export type ReflectionUpdateBody = z.infer<typeof ReflectionUpdateBody>;
export type ReflectionUpdateInput = z.input<typeof ReflectionUpdateBody>;

export const ReflectionReviewBody = z.object({
  decision: z.enum(['approve', 'return'], { error: '请选择通过或退回' }),
  /** Required when returning: what the author should change. */
  comment: Text('审核意见', { max: 500, multiline: true }).nullable().optional(),
  version: Version,
});
export type ReflectionReviewBody = z.infer<typeof ReflectionReviewBody>;
export type ReflectionReviewInput = z.input<typeof ReflectionReviewBody>;

export const ReflectionFeatureBody = z.object({
  featured: z.boolean({ error: '请说明是否精选' }),
  version: Version,
});
export type ReflectionFeatureBody = z.infer<typeof ReflectionFeatureBody>;

export const ReflectionIdParams = IdParams;
export const ReflectionCommentParams = z.object({ id: PathId(), commentId: PathId() });

export const ReflectionListQuery = z.object({
  state: ReflectionStateSchema.optional(),
  /** Authored in this org or one below it. */
  orgId: QueryInt('党组织', 1, 2_147_483_647).optional(),
  year: QueryInt('年份', 2000, 2199).optional(),
  /** Only those with comments awaiting moderation. */
  pendingComments: z.enum(['true', 'false'], { error: '应为 true 或 false' }).optional(),
  q: Text('关键词', { max: 30 }).optional(),
  limit: PageLimit(100, 20),
  cursor: PageCursor.optional(),
});
export type ReflectionListQuery = z.infer<typeof ReflectionListQuery>;

export const FeaturedListQuery = z.object({
  limit: PageLimit(50, 10),
  cursor: PageCursor.optional(),
});
export type FeaturedListQuery = z.infer<typeof FeaturedListQuery>;

const Subject = z.object({
  type: ReflectionSubjectTypeSchema,
  typeLabel: z.string(),
  id: z.number().int(),
  /** Null when the record is gone. */
  title: z.string().nullable(),
});

export const ReflectionResponse = z
  .object({
    id: z.number().int(),
    title: z.string(),
    body: z.string(),
    subject: Subject,
    author: z.object({ memberId: z.number().int(), name: z.string() }),
    org: z.object({ id: z.number().int(), name: z.string() }),
    state: ReflectionStateSchema,
    stateLabel: z.string(),
    reviewComment: z.string().nullable(),
    reviewerName: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    featuredAt: z.string().nullable(),
    submittedAt: z.string(),
    version: z.number().int(),
    counts: z.object({ comments: z.number().int(), pendingComments: z.number().int() }),
    policies: z.object({
      edit: z.boolean(),
      review: z.boolean(),
      feature: z.boolean(),
      unfeature: z.boolean(),
      comment: z.boolean(),
      moderate: z.boolean(),
    }),
  })
  .meta({ id: 'Reflection' });
export type ReflectionResponse = z.infer<typeof ReflectionResponse>;

export const ReflectionListResponse = pageOf(ReflectionResponse, z.string());
export type ReflectionListResponse = z.infer<typeof ReflectionListResponse>;

/** What a member may write about: courses addressed to them, meetings they attended, classes they joined. */
export const ReflectionSubjectsResponse = z.object({
  items: z.array(
    z.object({
      type: ReflectionSubjectTypeSchema,
      typeLabel: z.string(),
      id: z.number().int(),
      title: z.string(),
      /** When it took place (a meeting's or a class's day), to tell apart those of one title. */
      date: z.string().nullable(),
    }),
  ),
});
export type ReflectionSubjectsResponse = z.infer<typeof ReflectionSubjectsResponse>;

export const CommentCreateBody = z.object({
  body: Text('评论', { min: 2, max: 500, multiline: true, minMessage: '评论至少 2 个字' }),
});
export type CommentCreateBody = z.infer<typeof CommentCreateBody>;

export const CommentModerateBody = z.object({
  decision: z.enum(['approved', 'rejected'], { error: '请选择显示或不予显示' }),
});
export type CommentModerateBody = z.infer<typeof CommentModerateBody>;

export const CommentResponse = z
  .object({
    id: z.number().int(),
    reflectionId: z.number().int(),
    authorName: z.string().nullable(),
    mine: z.boolean(),
    body: z.string(),
    state: CommentStateSchema,
    stateLabel: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'ReflectionComment' });
export type CommentResponse = z.infer<typeof CommentResponse>;

export const CommentListResponse = z.object({ items: z.array(CommentResponse) });
export type CommentListResponse = z.infer<typeof CommentListResponse>;
