import { z } from 'zod';
import { DateTime, IsoDate } from '../common/dates';
import { ClassHours } from '../common/hours';
import { IdParams, PathId, QueryInt, RecordId, Version } from '../common/ids';
import { PageCursor, PageLimit, pageOf } from '../common/page';
import { OptionalText, Text } from '../common/text';
import { PositionTitle } from '../orgs';
import { TrainingKindSchema, TrainingStateSchema } from './enums';
import { Named } from './fields';

/** Contracts of a training class: create, update, state change, route params, list and response. */

/** Study hours (学时): 0 to 999.9, one decimal. */
const StudyHours = ClassHours('学时', { max: 999.9 });

const TrainingFields = {
  title: Text('名称', { min: 2, max: 100, minMessage: '请填写培训班名称' }),
  kind: TrainingKindSchema,
  startsOn: IsoDate('开始日期'),
  endsOn: IsoDate('结束日期'),
  place: OptionalText('地点', 200),
  description: OptionalText('简介', 2000, { multiline: true }),
  quota: z
    .number({ error: '名额应为数字' })
    .int('名额应为整数')
    .min(1, '名额至少为 1')
    .max(10_000, '名额不能超过 10000'),
  audienceOrgIds: z.array(RecordId('党组织'), { error: '范围应为组织列表' }).max(50, '最多选择 50 个组织'),
  audiencePositions: z.array(PositionTitle, { error: '职务应为列表' }).max(8, '职务最多 8 个'),
  enrolOpensAt: DateTime('报名开始时间').nullable(),
  enrolClosesAt: DateTime('报名截止时间').nullable(),
  studyHours: StudyHours,
  costFen: z
    .number({ error: '费用应为数字' })
    .int('费用应为整数（分）')
    .min(0, '费用不能为负数')
    .max(100_000_000, '费用超出范围')
    .nullable(),
};

export const TrainingCreateBody = z.object({
  ...TrainingFields,
  /** The organizing org: its subtree's secretaries manage the class. */
  orgId: RecordId('主办组织'),
  audienceOrgIds: TrainingFields.audienceOrgIds.default([]),
  audiencePositions: TrainingFields.audiencePositions.default([]),
  enrolOpensAt: TrainingFields.enrolOpensAt.optional(),
  enrolClosesAt: TrainingFields.enrolClosesAt.optional(),
  costFen: TrainingFields.costFen.optional(),
});
export type TrainingCreateBody = z.infer<typeof TrainingCreateBody>;
export type TrainingCreateInput = z.input<typeof TrainingCreateBody>;

export const TrainingUpdateBody = z.object({
  title: TrainingFields.title.optional(),
  kind: TrainingFields.kind.optional(),
  startsOn: TrainingFields.startsOn.optional(),
  endsOn: TrainingFields.endsOn.optional(),
  place: TrainingFields.place,
  description: TrainingFields.description,
  quota: TrainingFields.quota.optional(),
  audienceOrgIds: TrainingFields.audienceOrgIds.optional(),
  audiencePositions: TrainingFields.audiencePositions.optional(),
  enrolOpensAt: TrainingFields.enrolOpensAt.optional(),
  enrolClosesAt: TrainingFields.enrolClosesAt.optional(),
  studyHours: StudyHours.optional(),
  costFen: TrainingFields.costFen.optional(),
  version: Version,
});
export type TrainingUpdateBody = z.infer<typeof TrainingUpdateBody>;
export type TrainingUpdateInput = z.input<typeof TrainingUpdateBody>;

export const TrainingStateBody = z.object({
  to: z.enum(['open', 'closed', 'finished', 'cancelled'], { error: '不是可选的状态' }),
  version: Version,
});
export type TrainingStateBody = z.infer<typeof TrainingStateBody>;

export const TrainingIdParams = IdParams;
export const TrainingEnrolmentParams = z.object({ id: PathId(), enrolmentId: PathId() });
export const TrainingSessionRouteParams = z.object({ id: PathId(), sessionId: PathId() });
export const TrainingSessionIdParams = z.object({ sessionId: PathId() });

export const TrainingListQuery = z.object({
  kind: TrainingKindSchema.optional(),
  state: TrainingStateSchema.optional(),
  /** Classes starting in this year. */
  year: QueryInt('年份', 2000, 2199).optional(),
  /** Organized by this org or one below it. */
  orgId: QueryInt('主办组织', 1, 2_147_483_647).optional(),
  q: Text('关键词', { max: 30 }).optional(),
  limit: PageLimit(100, 20),
  cursor: PageCursor.optional(),
});
export type TrainingListQuery = z.infer<typeof TrainingListQuery>;

export const TrainingResponse = z
  .object({
    id: z.number().int(),
    title: z.string(),
    kind: TrainingKindSchema,
    kindLabel: z.string(),
    org: Named,
    startsOn: z.string(),
    endsOn: z.string(),
    place: z.string().nullable(),
    description: z.string().nullable(),
    quota: z.number().int(),
    audienceOrgs: z.array(Named),
    audiencePositions: z.array(z.string()),
    enrolOpensAt: z.string().nullable(),
    enrolClosesAt: z.string().nullable(),
    studyHours: z.number(),
    costFen: z.number().int().nullable(),
    state: TrainingStateSchema,
    stateLabel: z.string(),
    counts: z.object({
      enrolled: z.number().int(),
      waitlisted: z.number().int(),
      completed: z.number().int(),
      sessions: z.number().int(),
    }),
    version: z.number().int(),
    createdAt: z.string(),
    policies: z.object({
      edit: z.boolean(),
      open: z.boolean(),
      close: z.boolean(),
      finish: z.boolean(),
      cancel: z.boolean(),
      nominate: z.boolean(),
      complete: z.boolean(),
    }),
  })
  .meta({ id: 'Training' });
export type TrainingResponse = z.infer<typeof TrainingResponse>;

export const TrainingListResponse = pageOf(TrainingResponse, z.string());
export type TrainingListResponse = z.infer<typeof TrainingListResponse>;
