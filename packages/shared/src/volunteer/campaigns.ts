import { z } from 'zod';
import { DateTime, IsoDate } from '../common/dates';
import { DivisionCode, IdParams, PathId, QueryId, QueryInt, RecordId, Version } from '../common/ids';
import { PageCursor, PageLimit, pageOf } from '../common/page';
import { OptionalText, Text } from '../common/text';

export * from './roster';

/**
 * Volunteer campaigns (志愿服务活动): the campaign (organizer, co-organizers, the partner street
 * of the host side, period, who may sign up), its posts (点位) with their task, headcount per
 * shift and leader, and the shifts of each post.
 */

export const VOLUNTEER_CAMPAIGN_STATES = ['draft', 'open', 'finished', 'cancelled'] as const;
export const VolunteerCampaignState = z.enum(VOLUNTEER_CAMPAIGN_STATES);
export type VolunteerCampaignState = z.infer<typeof VolunteerCampaignState>;
export const VOLUNTEER_CAMPAIGN_STATE_LABELS: Record<VolunteerCampaignState, string> = {
  draft: '草稿',
  open: '进行中',
  finished: '已结束',
  cancelled: '已取消',
};
/** The states a campaign may move to from each state. */
export const VOLUNTEER_CAMPAIGN_TRANSITIONS: Record<
  VolunteerCampaignState,
  readonly VolunteerCampaignState[]
> = {
  draft: ['open', 'cancelled'],
  open: ['finished', 'cancelled'],
  finished: [],
  cancelled: [],
};

export const VOLUNTEER_TASKS = ['traffic', 'patrol', 'hazard', 'custom'] as const;
export const VolunteerTask = z.enum(VOLUNTEER_TASKS);
export type VolunteerTask = z.infer<typeof VolunteerTask>;
export const VOLUNTEER_TASK_LABELS: Record<VolunteerTask, string> = {
  traffic: '交通疏导',
  patrol: '治安巡逻',
  hazard: '安全隐患排查',
  custom: '其他',
};

/** A post's task as shown: the custom task's own name, else the task's label. */
export const taskLabelOf = (task: VolunteerTask, customTask: string | null) =>
  task === 'custom' && customTask ? customTask : VOLUNTEER_TASK_LABELS[task];

const OrgIds = (label: string) =>
  z.array(RecordId('党组织'), { error: `${label}应为组织列表` }).max(20, `${label}最多 20 个组织`);

const VolunteerCampaignFields = {
  title: Text('活动名称', { min: 2, max: 100, minMessage: '请填写活动名称' }),
  description: OptionalText('活动简介', 2000, { multiline: true }),
  orgId: RecordId('主办组织'),
  coOrgIds: OrgIds('协办组织'),
  partnerName: OptionalText('共建街道（社区）', 100),
  hostDistrict: DivisionCode.nullable(),
  startsOn: IsoDate('开始日期'),
  endsOn: IsoDate('结束日期'),
  selfSignup: z.boolean({ error: '是否允许报名应为是或否' }),
  audienceOrgIds: OrgIds('报名范围'),
};

export const VolunteerCampaignCreateBody = z.object({
  ...VolunteerCampaignFields,
  coOrgIds: VolunteerCampaignFields.coOrgIds.default([]),
  partnerName: VolunteerCampaignFields.partnerName,
  hostDistrict: VolunteerCampaignFields.hostDistrict.optional(),
  selfSignup: VolunteerCampaignFields.selfSignup.default(true),
  audienceOrgIds: VolunteerCampaignFields.audienceOrgIds.default([]),
});
export type VolunteerCampaignCreateBody = z.infer<typeof VolunteerCampaignCreateBody>;

export const VolunteerCampaignUpdateBody = z.object({
  title: VolunteerCampaignFields.title.optional(),
  description: VolunteerCampaignFields.description,
  coOrgIds: VolunteerCampaignFields.coOrgIds.optional(),
  partnerName: VolunteerCampaignFields.partnerName,
  hostDistrict: VolunteerCampaignFields.hostDistrict.optional(),
  startsOn: VolunteerCampaignFields.startsOn.optional(),
  endsOn: VolunteerCampaignFields.endsOn.optional(),
  selfSignup: VolunteerCampaignFields.selfSignup.optional(),
  audienceOrgIds: VolunteerCampaignFields.audienceOrgIds.optional(),
  version: Version,
});
export type VolunteerCampaignUpdateBody = z.infer<typeof VolunteerCampaignUpdateBody>;

export const VolunteerCampaignStateBody = z.object({ to: VolunteerCampaignState, version: Version });
export type VolunteerCampaignStateBody = z.infer<typeof VolunteerCampaignStateBody>;

export const VolunteerCampaignIdParams = IdParams;
export const VolunteerCampaignPostParams = z.object({ id: PathId(), postId: PathId() });
export const VolunteerCampaignShiftParams = z.object({ id: PathId(), shiftId: PathId() });
export const VolunteerCampaignAssignmentParams = z.object({ id: PathId(), assignmentId: PathId() });

export const VolunteerCampaignListQuery = z.object({
  state: VolunteerCampaignState.optional(),
  year: QueryInt('年份', 2000, 2199).optional(),
  q: OptionalText('关键词', 50),
  limit: PageLimit(100, 20),
  cursor: PageCursor.optional(),
});
export type VolunteerCampaignListQuery = z.infer<typeof VolunteerCampaignListQuery>;

const Named = z.object({ id: z.number().int(), name: z.string() });

export const VolunteerCampaignResponse = z
  .object({
    id: z.number().int(),
    title: z.string(),
    description: z.string().nullable(),
    org: Named,
    coOrgs: z.array(Named),
    partnerName: z.string().nullable(),
    hostDistrict: z.string().nullable(),
    startsOn: z.string(),
    endsOn: z.string(),
    selfSignup: z.boolean(),
    audienceOrgs: z.array(Named),
    state: VolunteerCampaignState,
    stateLabel: z.string(),
    counts: z.object({
      posts: z.number().int(),
      shifts: z.number().int(),
      volunteers: z.number().int(),
      places: z.number().int(),
    }),
    version: z.number().int(),
    createdAt: z.string(),
    policies: z.object({ manage: z.boolean() }),
  })
  .meta({ id: 'VolunteerCampaign' });
export type VolunteerCampaignResponse = z.infer<typeof VolunteerCampaignResponse>;

export const VolunteerCampaignListResponse = pageOf(VolunteerCampaignResponse, z.string());
export type VolunteerCampaignListResponse = z.infer<typeof VolunteerCampaignListResponse>;

/** A post (点位). */
export const VolunteerPostBody = z.object({
  name: Text('点位名称', { min: 1, max: 60 }),
  address: OptionalText('地址', 200),
  task: VolunteerTask,
  customTask: OptionalText('任务名称', 30),
  headcount: z
    .number({ error: '每班人数应为数字' })
    .int('每班人数应为整数')
    .min(1, '每班人数至少为 1')
    .max(500, '每班人数不能超过 500'),
  leaderMemberId: RecordId('点位负责人').nullable().optional(),
});
export type VolunteerPostBody = z.infer<typeof VolunteerPostBody>;

export const VolunteerPostUpdateBody = VolunteerPostBody.partial();
export type VolunteerPostUpdateBody = z.infer<typeof VolunteerPostUpdateBody>;

export const VolunteerPostResponse = z
  .object({
    id: z.number().int(),
    campaignId: z.number().int(),
    name: z.string(),
    address: z.string().nullable(),
    task: VolunteerTask,
    customTask: z.string().nullable(),
    taskLabel: z.string(),
    headcount: z.number().int(),
    leader: Named.nullable(),
  })
  .meta({ id: 'VolunteerPost' });
export type VolunteerPostResponse = z.infer<typeof VolunteerPostResponse>;

export const VolunteerCampaignDetailResponse = VolunteerCampaignResponse.extend({
  posts: z.array(VolunteerPostResponse),
}).meta({
  id: 'VolunteerCampaignDetail',
});
export type VolunteerCampaignDetailResponse = z.infer<typeof VolunteerCampaignDetailResponse>;

/** A time of day `HH:MM` (Beijing time). */
export const VolunteerTimeOfDay = (label: string) =>
  z
    .string({ error: `${label}应为时间` })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${label}格式应为 HH:MM`)
    .meta({ format: 'time-of-day' });

/**
 * Shifts of a post: the same time window on one or more days. An end not after the start is on
 * the next day (a night shift).
 */
export const VolunteerShiftCreateBody = z.object({
  postId: RecordId('点位'),
  onDates: z.array(IsoDate('日期'), { error: '日期应为列表' }).min(1, '请选择日期').max(31, '一次最多 31 天'),
  startTime: VolunteerTimeOfDay('开始时间'),
  endTime: VolunteerTimeOfDay('结束时间'),
});
export type VolunteerShiftCreateBody = z.infer<typeof VolunteerShiftCreateBody>;

/** The people served during a shift (服务人次), as the post leader reports it. */
export const VolunteerShiftServedBody = z.object({
  servedCount: z
    .number({ error: '服务人次应为数字' })
    .int('服务人次应为整数')
    .min(0, '服务人次不能为负数')
    .max(1_000_000, '服务人次超出范围'),
  version: Version,
});
export type VolunteerShiftServedBody = z.infer<typeof VolunteerShiftServedBody>;

export const VolunteerShiftListQuery = z.object({
  onDate: IsoDate('日期').optional(),
  postId: QueryId('点位').optional(),
});
export type VolunteerShiftListQuery = z.infer<typeof VolunteerShiftListQuery>;

export const VolunteerShiftResponse = z
  .object({
    id: z.number().int(),
    campaignId: z.number().int(),
    post: z.object({ id: z.number().int(), name: z.string(), taskLabel: z.string() }),
    onDate: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    headcount: z.number().int(),
    /** Places taken (every state but no-show). */
    filled: z.number().int(),
    checkedIn: z.number().int(),
    checkedOut: z.number().int(),
    servedCount: z.number().int(),
    closedAt: z.string().nullable(),
    autoClosed: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'VolunteerShift' });
export type VolunteerShiftResponse = z.infer<typeof VolunteerShiftResponse>;

export const VolunteerShiftListResponse = z.object({ items: z.array(VolunteerShiftResponse) });
export type VolunteerShiftListResponse = z.infer<typeof VolunteerShiftListResponse>;

/** A volunteer shift's instant as `DateTime` input (a check time given by hand). */
export const VolunteerCheckTime = DateTime('时间');

/** The forms' input types (defaults not yet applied). */
export type VolunteerCampaignCreateInput = z.input<typeof VolunteerCampaignCreateBody>;
export type VolunteerPostInput = z.input<typeof VolunteerPostBody>;
export type VolunteerShiftsInput = z.input<typeof VolunteerShiftCreateBody>;
