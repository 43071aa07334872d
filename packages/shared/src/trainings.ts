import { z } from 'zod';
import { DateTime, IsoDate } from './common/dates';
import { IdParams, PathId, QueryInt, RecordId, Version } from './common/ids';
import { PageCursor, PageLimit, pageOf, SeqCursor } from './common/page';
import { OptionalText, Text } from './common/text';
import { PositionTitle } from './orgs';

/**
 * Training classes and study trips (培训班、红色教育): a class with a quota, an audience (org
 * subtrees, positions such as 书记), an enrolment window and the study hours it credits; members
 * apply or are nominated, enrolled in order while places last, the rest waitlisted; sessions with
 * their own attendance (QR sign-in); completion issues a numbered certificate (结业证书).
 */

export const TRAINING_KINDS = ['model_class', 'special', 'red_trip', 'online'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];
export const TrainingKindSchema = z.enum(TRAINING_KINDS, { error: '不是可选的培训类型' });
export const TRAINING_KIND_LABELS: Record<TrainingKind, string> = {
  model_class: '示范培训班',
  special: '专题培训',
  red_trip: '红色教育',
  online: '线上专题',
};

export const TRAINING_STATES = ['draft', 'open', 'closed', 'finished', 'cancelled'] as const;
export type TrainingState = (typeof TRAINING_STATES)[number];
export const TrainingStateSchema = z.enum(TRAINING_STATES, { error: '不是可选的培训状态' });
export const TRAINING_STATE_LABELS: Record<TrainingState, string> = {
  draft: '草稿',
  open: '报名中',
  closed: '报名截止',
  finished: '已结业',
  cancelled: '已取消',
};

/** The state changes a manager makes: open or close enrolment, finish, cancel. */
export const TRAINING_TRANSITIONS: Record<TrainingState, readonly TrainingState[]> = {
  draft: ['open', 'cancelled'],
  open: ['closed', 'cancelled'],
  closed: ['open', 'finished', 'cancelled'],
  finished: [],
  cancelled: [],
};

export const ENROLMENT_STATUSES = ['enrolled', 'waitlisted', 'withdrawn', 'completed', 'rejected'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];
export const EnrolmentStatusSchema = z.enum(ENROLMENT_STATUSES, { error: '不是可选的报名状态' });
export const ENROLMENT_STATUS_LABELS: Record<EnrolmentStatus, string> = {
  enrolled: '已报名',
  waitlisted: '候补',
  withdrawn: '已退出',
  completed: '已结业',
  rejected: '未通过',
};

export const ENROLMENT_SOURCES = ['applied', 'nominated'] as const;
export type EnrolmentSource = (typeof ENROLMENT_SOURCES)[number];
export const ENROLMENT_SOURCE_LABELS: Record<EnrolmentSource, string> = {
  applied: '本人报名',
  nominated: '组织推荐',
};

export const SESSION_ATTENDANCE_STATUSES = ['signed', 'late', 'leave', 'absent'] as const;
export type SessionAttendanceStatus = (typeof SESSION_ATTENDANCE_STATUSES)[number];
export const SESSION_ATTENDANCE_LABELS: Record<SessionAttendanceStatus, string> = {
  signed: '已签到',
  late: '迟到',
  leave: '请假',
  absent: '缺席',
};

/** The prefix of a 结业证书 number: 培〔2026〕0001. */
export const TRAINING_CERTIFICATE_PREFIX = '培';

/**
 * Whether a member placed at `memberPath` (materialized path of org ids), holding the positions
 * `titles` in their org, is in a class's audience: inside one of its org subtrees (none: the
 * organizer's subtree), and holding one of its positions (none: any member).
 */
export function inTrainingAudience(
  training: { orgPath: string; audienceOrgIds: readonly number[]; audiencePositions: readonly string[] },
  memberPath: string,
  titles: readonly string[],
): boolean {
  const ancestors = memberPath.split('.').map(Number);
  const within =
    training.audienceOrgIds.length === 0
      ? memberPath === training.orgPath || memberPath.startsWith(`${training.orgPath}.`)
      : training.audienceOrgIds.some((id) => ancestors.includes(id));
  const holds =
    training.audiencePositions.length === 0 || training.audiencePositions.some((p) => titles.includes(p));
  return within && holds;
}

/** Study hours (学时): 0 to 999.9, one decimal. */
const StudyHours = z
  .number({ error: '学时应为数字' })
  .min(0, '学时不能为负数')
  .max(999.9, '学时不能超过 999.9')
  .refine((n) => Math.abs(n * 10 - Math.round(n * 10)) < 1e-9, '学时最多保留一位小数');

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

const Named = z.object({ id: z.number().int(), name: z.string() });

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

export const EnrolmentResponse = z
  .object({
    id: z.number().int(),
    trainingId: z.number().int(),
    member: Named.extend({ orgName: z.string().nullable() }),
    status: EnrolmentStatusSchema,
    statusLabel: z.string(),
    source: z.enum(ENROLMENT_SOURCES),
    sourceLabel: z.string(),
    /** The order of application. */
    seq: z.number().int(),
    /** 1 for the first waitlisted, and so on; null unless waitlisted. */
    waitlistPosition: z.number().int().nullable(),
    note: z.string().nullable(),
    completedAt: z.string().nullable(),
    certificateNo: z.string().nullable(),
    /** Sessions attended (signed or late). */
    attended: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'TrainingEnrolment' });
export type EnrolmentResponse = z.infer<typeof EnrolmentResponse>;

export const EnrolmentListQuery = z.object({
  status: EnrolmentStatusSchema.optional(),
  limit: PageLimit(500, 100),
  /** The seq of the last enrolment of the previous page. */
  cursor: SeqCursor.optional(),
});
export type EnrolmentListQuery = z.infer<typeof EnrolmentListQuery>;
export const EnrolmentListResponse = pageOf(EnrolmentResponse, z.number().int());
export type EnrolmentListResponse = z.infer<typeof EnrolmentListResponse>;

export const NominateBody = z.object({
  memberIds: z
    .array(RecordId('党员'), { error: '请选择党员' })
    .min(1, '请选择党员')
    .max(200, '一次最多推荐 200 人'),
  note: OptionalText('备注', 200),
});
export type NominateBody = z.infer<typeof NominateBody>;
export type NominateInput = z.input<typeof NominateBody>;
export const EnrolmentsResponse = z.object({ items: z.array(EnrolmentResponse) });
export type EnrolmentsResponse = z.infer<typeof EnrolmentsResponse>;

export const ApplyBody = z.object({ note: OptionalText('备注', 200) });
export type ApplyBody = z.infer<typeof ApplyBody>;
export type ApplyInput = z.input<typeof ApplyBody>;

export const WithdrawBody = z.object({ reason: OptionalText('退出原因', 200) });
export type WithdrawBody = z.infer<typeof WithdrawBody>;
export type WithdrawInput = z.input<typeof WithdrawBody>;

export const CompleteBody = z.object({
  /** These enrolments (absent: every enrolled member). */
  enrolmentIds: z.array(RecordId('报名记录'), { error: '报名记录应为列表' }).max(2000).optional(),
  /** Only members who attended at least this share of the sessions (percent). */
  minAttendancePercent: z
    .number({ error: '出勤比例应为数字' })
    .int('出勤比例应为整数')
    .min(0, '出勤比例不能小于 0')
    .max(100, '出勤比例不能大于 100')
    .optional(),
});
export type CompleteBody = z.infer<typeof CompleteBody>;
export type CompleteInput = z.input<typeof CompleteBody>;
export const CompleteResponse = z.object({
  completed: z.array(EnrolmentResponse),
  /** Enrolled members left out: their attendance fell short. */
  skipped: z.array(
    z.object({ enrolmentId: z.number().int(), memberName: z.string(), attended: z.number().int() }),
  ),
});
export type CompleteResponse = z.infer<typeof CompleteResponse>;

const SessionFields = {
  title: Text('名称', { min: 1, max: 100 }),
  startsAt: DateTime('开始时间'),
  endsAt: DateTime('结束时间').nullable(),
  place: OptionalText('地点', 200),
};
export const TrainingSessionCreateBody = z.object({
  ...SessionFields,
  endsAt: SessionFields.endsAt.optional(),
});
export type TrainingSessionCreateBody = z.infer<typeof TrainingSessionCreateBody>;
export type TrainingSessionCreateInput = z.input<typeof TrainingSessionCreateBody>;
export const TrainingSessionUpdateBody = z.object({
  title: SessionFields.title.optional(),
  startsAt: SessionFields.startsAt.optional(),
  endsAt: SessionFields.endsAt.optional(),
  place: SessionFields.place,
});
export type TrainingSessionUpdateBody = z.infer<typeof TrainingSessionUpdateBody>;
export type TrainingSessionUpdateInput = z.input<typeof TrainingSessionUpdateBody>;

export const TrainingSessionResponse = z
  .object({
    id: z.number().int(),
    trainingId: z.number().int(),
    title: z.string(),
    startsAt: z.string(),
    endsAt: z.string().nullable(),
    place: z.string().nullable(),
    counts: z.object({
      signed: z.number().int(),
      late: z.number().int(),
      leave: z.number().int(),
      absent: z.number().int(),
    }),
  })
  .meta({ id: 'TrainingSession' });
export type TrainingSessionResponse = z.infer<typeof TrainingSessionResponse>;
export const TrainingSessionListResponse = z.object({ items: z.array(TrainingSessionResponse) });
export type TrainingSessionListResponse = z.infer<typeof TrainingSessionListResponse>;

export const SessionAttendanceItem = z.object({
  member: Named,
  enrolmentStatus: EnrolmentStatusSchema,
  status: z.enum(SESSION_ATTENDANCE_STATUSES).nullable(),
  signedAt: z.string().nullable(),
  channel: z.enum(['qr', 'manual']).nullable(),
});
export const SessionAttendanceResponse = z.object({
  session: TrainingSessionResponse,
  items: z.array(SessionAttendanceItem),
});
export type SessionAttendanceResponse = z.infer<typeof SessionAttendanceResponse>;

export const SessionAttendanceBody = z.object({
  records: z
    .array(
      z.object({
        memberId: RecordId('党员'),
        status: z.enum(SESSION_ATTENDANCE_STATUSES, { error: '不是可选的出勤状态' }),
      }),
      { error: '请填写出勤记录' },
    )
    .min(1, '请填写出勤记录')
    .max(2000, '一次最多 2000 条'),
});
export type SessionAttendanceBody = z.infer<typeof SessionAttendanceBody>;

/** "我的培训": what a member sees on the phone. */
export const MyTrainingItem = z.object({
  id: z.number().int(),
  title: z.string(),
  kind: TrainingKindSchema,
  kindLabel: z.string(),
  orgName: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  place: z.string().nullable(),
  quota: z.number().int(),
  enrolledCount: z.number().int(),
  studyHours: z.number(),
  state: TrainingStateSchema,
  stateLabel: z.string(),
  enrolClosesAt: z.string().nullable(),
  /** Whether the member may apply now (open, inside the window, not yet applied). */
  canApply: z.boolean(),
  mine: z
    .object({
      enrolmentId: z.number().int(),
      status: EnrolmentStatusSchema,
      statusLabel: z.string(),
      waitlistPosition: z.number().int().nullable(),
      certificateNo: z.string().nullable(),
      completedAt: z.string().nullable(),
    })
    .nullable(),
});
export type MyTrainingItem = z.infer<typeof MyTrainingItem>;

export const MySessionItem = z.object({
  id: z.number().int(),
  trainingId: z.number().int(),
  trainingTitle: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  place: z.string().nullable(),
  status: z.enum(SESSION_ATTENDANCE_STATUSES).nullable(),
});
export type MySessionItem = z.infer<typeof MySessionItem>;

export const MyTrainingsResponse = z.object({
  /** Classes open for enrolment that the member may join, and those they have joined. */
  open: z.array(MyTrainingItem),
  enrolments: z.array(MyTrainingItem),
  sessions: z.array(MySessionItem),
});
export type MyTrainingsResponse = z.infer<typeof MyTrainingsResponse>;

export const MyCertificateParams = IdParams;
