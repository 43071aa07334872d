/** Attendance at a meeting: one person's record, the list, a secretary's record, and leave. */
import { z } from 'zod';
import { INT4_MAX, QueryInt } from '../common/ids';
import { PageLimit, pageOf } from '../common/page';
import { OptionalText, Text } from '../common/text';
import { AttendanceChannel, AttendanceStatus, AttendeeRole, LeaveState } from './enums';

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
