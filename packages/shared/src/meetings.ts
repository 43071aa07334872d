import { z } from 'zod';
import { DateTime, IsoDate } from './common/dates';
import { IdParams, INT4_MAX, PathId, QueryInt, RecordId, Version } from './common/ids';
import { PageCursor, PageLimit, pageOf } from './common/page';
import { OptionalText, Text } from './common/text';
import { REQUIRED_MEETING_LABELS, REQUIRED_MEETINGS } from './settings/rules';

/**
 * Meetings of organizational life (组织生活): 三会一课, 主题党日, 组织生活会, 谈心谈话 and custom
 * ones, with expected attendees, attendance (manual, by QR, leave requests), minutes and
 * resolutions, and amendments to an archived record.
 */

export const MEETING_TYPES = [...REQUIRED_MEETINGS, 'custom'] as const;
export const MeetingType = z.enum(MEETING_TYPES, { error: '不是可选的会议类型' });
export type MeetingType = z.infer<typeof MeetingType>;
export const MEETING_TYPE_LABELS: Record<MeetingType, string> = {
  ...REQUIRED_MEETING_LABELS,
  custom: '其他',
};

/** 计划 → 已召开 → 已归档, or 已取消. */
export const MEETING_STATES = ['planned', 'held', 'archived', 'cancelled'] as const;
export const MeetingState = z.enum(MEETING_STATES, { error: '不是可选的会议状态' });
export type MeetingState = z.infer<typeof MeetingState>;
export const MEETING_STATE_LABELS: Record<MeetingState, string> = {
  planned: '计划',
  held: '已召开',
  archived: '已归档',
  cancelled: '已取消',
};

export const MEETING_MODES = ['offline', 'online', 'both'] as const;
export const MeetingMode = z.enum(MEETING_MODES, { error: '不是可选的会议形式' });
export type MeetingMode = z.infer<typeof MeetingMode>;
export const MEETING_MODE_LABELS: Record<MeetingMode, string> = {
  offline: '线下',
  online: '线上',
  both: '线下+线上',
};

export const ATTENDANCE_STATUSES = ['pending', 'signed', 'late', 'leave', 'absent'] as const;
export const AttendanceStatus = z.enum(ATTENDANCE_STATUSES, { error: '不是可选的出勤状态' });
export type AttendanceStatus = z.infer<typeof AttendanceStatus>;
export const ATTENDANCE_STATUS_LABELS: Record<AttendanceStatus, string> = {
  pending: '未签到',
  signed: '已签到',
  late: '迟到',
  leave: '请假',
  absent: '缺席',
};
/** The statuses that count as attended (the activity ledger's 参加组织生活). */
export const ATTENDED_STATUSES: readonly AttendanceStatus[] = ['signed', 'late'];

export const ATTENDEE_ROLES = ['expected', 'guest'] as const;
export const AttendeeRole = z.enum(ATTENDEE_ROLES);
export type AttendeeRole = z.infer<typeof AttendeeRole>;
export const ATTENDEE_ROLE_LABELS: Record<AttendeeRole, string> = { expected: '应到', guest: '列席' };

export const ATTENDANCE_CHANNELS = ['qr', 'manual', 'import'] as const;
export const AttendanceChannel = z.enum(ATTENDANCE_CHANNELS);
export const ATTENDANCE_CHANNEL_LABELS: Record<(typeof ATTENDANCE_CHANNELS)[number], string> = {
  qr: '扫码',
  manual: '手工',
  import: '导入',
};

export const LEAVE_STATES = ['requested', 'approved', 'rejected'] as const;
export const LeaveState = z.enum(LEAVE_STATES);
export type LeaveState = z.infer<typeof LeaveState>;
export const LEAVE_STATE_LABELS: Record<LeaveState, string> = {
  requested: '待审批',
  approved: '已批准',
  rejected: '未批准',
};

/** A QR sign-in later than this many minutes after the start is recorded as 迟到. */
export const LATE_AFTER_MINUTES = 15;

/** The fields of an archived record an amendment may correct. */
export const AMENDABLE_FIELDS = [
  'topic',
  'place',
  'host',
  'recorder',
  'speaker',
  'agenda',
  'minutes',
  'resolutions',
] as const;
export const AmendableField = z.enum(AMENDABLE_FIELDS, { error: '该字段不能更正' });
export type AmendableField = z.infer<typeof AmendableField>;
export const AMENDABLE_FIELD_LABELS: Record<AmendableField, string> = {
  topic: '议题',
  place: '地点',
  host: '主持人',
  recorder: '记录人',
  speaker: '主讲人',
  agenda: '议程',
  minutes: '会议记录',
  resolutions: '决议',
};

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
  studyHours: z
    .number({ error: '学时应为数字' })
    .min(0, '学时不能为负')
    .max(100, '学时最多 100')
    .nullable()
    .optional(),
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

const YearMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')
  .meta({ format: 'year-month' });

export const MeetingListQuery = z.object({
  /** Meetings of this org and the orgs below it. */
  orgId: QueryInt('党组织', 1, INT4_MAX).optional(),
  type: MeetingType.optional(),
  state: MeetingState.optional(),
  /** A month (Asia/Shanghai) of the meeting's time; or a range of days. */
  month: YearMonth.optional(),
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

export const MeetingListItem = z.object({
  id: z.number().int(),
  org: Named,
  type: MeetingType,
  typeLabel: z.string(),
  topic: z.string(),
  plannedAt: z.string(),
  heldAt: z.string().nullable(),
  mode: MeetingMode,
  place: z.string().nullable(),
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

/** One person's attendance as the meeting's list and the member's own view show it. */
export const AttendanceItem = z.object({
  memberId: z.number().int(),
  name: z.string(),
  role: AttendeeRole,
  status: AttendanceStatus,
  statusLabel: z.string(),
  signedAt: z.string().nullable(),
  channel: AttendanceChannel.nullable(),
  leaveReason: z.string().nullable(),
  leaveState: LeaveState.nullable(),
  note: z.string().nullable(),
});
export type AttendanceItem = z.infer<typeof AttendanceItem>;

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

export const AttendanceQuery = z.object({
  limit: PageLimit(500, 200),
  /** The member id of the last row of the previous page. */
  cursor: QueryInt('分页位置', 1, INT4_MAX).optional(),
});
export type AttendanceQuery = z.infer<typeof AttendanceQuery>;
export const AttendanceListResponse = pageOf(AttendanceItem, z.number().int());
export type AttendanceListResponse = z.infer<typeof AttendanceListResponse>;

/** A secretary's record of one person's attendance (manual). */
export const AttendanceRecordBody = z.object({
  status: AttendanceStatus,
  note: OptionalText('备注', 200),
});
export type AttendanceRecordBody = z.infer<typeof AttendanceRecordBody>;

export const LeaveRequestBody = z.object({
  reason: Text('请假原因', { min: 2, max: 200, minMessage: '请填写请假原因', multiline: true }),
});
export type LeaveRequestBody = z.infer<typeof LeaveRequestBody>;

export const LeaveDecisionBody = z.object({
  decision: z.enum(['approve', 'reject'], { error: '请选择批准或不批准' }),
});
export type LeaveDecisionBody = z.infer<typeof LeaveDecisionBody>;

/** "My meetings": upcoming (planned, from today on) and past, each with my attendance. */
export const MyMeetingItem = z.object({
  id: z.number().int(),
  org: Named,
  type: MeetingType,
  typeLabel: z.string(),
  topic: z.string(),
  plannedAt: z.string(),
  heldAt: z.string().nullable(),
  mode: MeetingMode,
  place: z.string().nullable(),
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
