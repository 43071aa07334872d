/**
 * Meetings of organizational life (组织生活): the types (三会一课, 主题党日, 组织生活会, 谈心谈话 and
 * custom ones), states, modes, attendance statuses, roles and channels, leave states and the fields
 * an amendment may correct, with their labels.
 */
import { z } from 'zod';
import { REQUIRED_MEETING_LABELS, REQUIRED_MEETINGS } from '../settings/rules';

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
