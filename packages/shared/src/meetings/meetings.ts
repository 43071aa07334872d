/**
 * The meeting record: planning and changing it (with expected attendees and guests), holding,
 * cancelling and amending an archived record, the list and the detail, and a member's own meetings.
 */
import { z } from 'zod';
import { DateTime, IsoDate, YearMonth } from '../common/dates';
import { ClassHours } from '../common/hours';
import { IdParams, INT4_MAX, PathId, QueryInt, RecordId, Version } from '../common/ids';
import { PageCursor, PageLimit, pageOf } from '../common/page';
import { OptionalText, Text } from '../common/text';
import { AttendanceItem } from './attendance';
import { AmendableField, MeetingMode, MeetingState, MeetingType } from './enums';

/** Minutes and resolutions: rich text (HTML), sanitized by the server before it is stored. */
export const MEETING_RICH_TEXT_MAX = 100_000;
const RichText = (label: string) => OptionalText(label, MEETING_RICH_TEXT_MAX, { multiline: true });

const MemberIds = (label: string) =>
  z.array(RecordId(label), { error: `${label}应为党员编号列表` }).max(5000, `${label}最多 5000 人`);

const meetingFields = {
  type: MeetingType,
  /** The name of a custom type (required when type is custom). */
  customType: OptionalText('会议类型名称', 30),
  topic: Text('议题', { min: 2, max: 200, minMessage: '请填写议题' }),
  plannedAt: DateTime('计划时间'),
  mode: MeetingMode,
  place: OptionalText('地点', 200),
  onlineUrl: OptionalText('线上会议链接', 500),
  host: OptionalText('主持人', 50),
  recorder: OptionalText('记录人', 50),
  speaker: OptionalText('主讲人', 50),
  agenda: OptionalText('议程', 5000, { multiline: true }),
  allowGuests: z.boolean({ error: '是否允许列席应为是或否' }),
  studyHours: ClassHours('学时', { max: 100 }).nullable().optional(),
};

/** Who is expected beyond the default (the org's members on the rolls), who not, and the guests (列席). */
const attendeeChanges = {
  addMemberIds: MemberIds('增加的应到人员').default([]),
  removeMemberIds: MemberIds('移除的应到人员').default([]),
  guestMemberIds: MemberIds('列席人员').default([]),
};

const customTypeNamed = (m: { type?: MeetingType | undefined; customType?: string | null | undefined }) =>
  m.type !== 'custom' || !!m.customType;
const CUSTOM_TYPE_RULE = { message: '请填写会议类型名称', path: ['customType'] };

export const MeetingCreateBody = z
  .object({
    orgId: RecordId('党组织'),
    ...meetingFields,
    mode: MeetingMode.default('offline'),
    allowGuests: meetingFields.allowGuests.default(false),
    ...attendeeChanges,
  })
  .refine(customTypeNamed, CUSTOM_TYPE_RULE);
export type MeetingCreateBody = z.infer<typeof MeetingCreateBody>;
export type MeetingCreateInput = z.input<typeof MeetingCreateBody>;

/** A change of a planned or held meeting (an archived one is corrected by amendment). */
export const MeetingUpdateBody = z
  .object({
    ...meetingFields,
    minutes: RichText('会议记录'),
    resolutions: RichText('决议'),
    addMemberIds: MemberIds('增加的应到人员'),
    removeMemberIds: MemberIds('移除的应到人员'),
    guestMemberIds: MemberIds('列席人员'),
  })
  .partial()
  .extend({ version: Version })
  .refine(customTypeNamed, CUSTOM_TYPE_RULE);
export type MeetingUpdateBody = z.infer<typeof MeetingUpdateBody>;

export const MeetingHoldBody = z.object({
  /** When it actually began (default now). */
  heldAt: DateTime('召开时间').optional(),
  endedAt: DateTime('结束时间').optional(),
  version: Version,
});
export type MeetingHoldBody = z.infer<typeof MeetingHoldBody>;

export const MeetingVersionBody = z.object({ version: Version });
export type MeetingVersionBody = z.infer<typeof MeetingVersionBody>;

export const MeetingCancelBody = z.object({
  reason: Text('取消原因', { min: 2, max: 200, minMessage: '请填写取消原因' }),
  version: Version,
});
export type MeetingCancelBody = z.infer<typeof MeetingCancelBody>;

export const MeetingAmendBody = z.object({
  field: AmendableField,
  after: Text('更正后的内容', { max: MEETING_RICH_TEXT_MAX, multiline: true }),
  reason: Text('更正原因', { min: 2, max: 500, minMessage: '请填写更正原因', multiline: true }),
});
export type MeetingAmendBody = z.infer<typeof MeetingAmendBody>;

export const MeetingIdParams = IdParams;
export const MeetingAttendeeParams = z.object({ id: PathId(), memberId: PathId() });

export const MeetingListQuery = z.object({
  /** Meetings of this org and the orgs below it. */
  orgId: QueryInt('党组织', 1, INT4_MAX).optional(),
  type: MeetingType.optional(),
  state: MeetingState.optional(),
  /** A month (Asia/Shanghai) of the meeting's time; or a range of days. */
  month: YearMonth('月份').optional(),
  from: IsoDate('起始日期').optional(),
  to: IsoDate('截止日期').optional(),
  limit: PageLimit(100, 20),
  cursor: PageCursor.optional(),
});
export type MeetingListQuery = z.infer<typeof MeetingListQuery>;

const Named = z.object({ id: z.number().int(), name: z.string() });

export const MeetingCounts = z.object({
  /** 应到: the expected attendees. */
  due: z.number().int(),
  /** 实到: signed or late (guests not counted). */
  attended: z.number().int(),
  late: z.number().int(),
  leave: z.number().int(),
  absent: z.number().int(),
  pending: z.number().int(),
  /** 列席 who signed in. */
  guests: z.number().int(),
  /** Leave requests awaiting a decision. */
  leaveRequested: z.number().int(),
});
export type MeetingCounts = z.infer<typeof MeetingCounts>;

/** What a meeting shows in a list: the org, type, topic, time, mode and place. */
const summaryFields = {
  id: z.number().int(),
  org: Named,
  type: MeetingType,
  typeLabel: z.string(),
  topic: z.string(),
  plannedAt: z.string(),
  heldAt: z.string().nullable(),
  mode: MeetingMode,
  place: z.string().nullable(),
};

export const MeetingListItem = z.object({
  ...summaryFields,
  state: MeetingState,
  stateLabel: z.string(),
  counts: MeetingCounts,
});
export type MeetingListItem = z.infer<typeof MeetingListItem>;
export const MeetingListResponse = pageOf(MeetingListItem, z.string());
export type MeetingListResponse = z.infer<typeof MeetingListResponse>;

export const MeetingAmendment = z.object({
  id: z.number().int(),
  field: AmendableField,
  fieldLabel: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
  reason: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type MeetingAmendment = z.infer<typeof MeetingAmendment>;

export const MeetingResponse = MeetingListItem.extend({
  orgPathNames: z.array(z.string()),
  customType: z.string().nullable(),
  endedAt: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  host: z.string().nullable(),
  recorder: z.string().nullable(),
  speaker: z.string().nullable(),
  agenda: z.string().nullable(),
  minutes: z.string().nullable(),
  resolutions: z.string().nullable(),
  allowGuests: z.boolean(),
  studyHours: z.number().nullable(),
  archivedAt: z.string().nullable(),
  amendments: z.array(MeetingAmendment),
  /** The reader's own attendance, when the reader is an attendee. */
  mine: AttendanceItem.nullable(),
  version: z.number().int(),
  /** What the reader may do now. */
  policies: z.object({
    update: z.boolean(),
    hold: z.boolean(),
    archive: z.boolean(),
    cancel: z.boolean(),
    amend: z.boolean(),
    recordAttendance: z.boolean(),
    signInCode: z.boolean(),
    requestLeave: z.boolean(),
  }),
}).meta({ id: 'Meeting' });
export type MeetingResponse = z.infer<typeof MeetingResponse>;

/** "My meetings": upcoming (planned, from today on) and past, each with my attendance. */
export const MyMeetingItem = z.object({
  ...summaryFields,
  onlineUrl: z.string().nullable(),
  state: MeetingState,
  stateLabel: z.string(),
  mine: AttendanceItem,
  canRequestLeave: z.boolean(),
});
export type MyMeetingItem = z.infer<typeof MyMeetingItem>;
export const MyMeetingsResponse = z.object({
  upcoming: z.array(MyMeetingItem),
  past: z.array(MyMeetingItem),
});
export type MyMeetingsResponse = z.infer<typeof MyMeetingsResponse>;
