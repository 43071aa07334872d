import { MEETING_STATE_LABELS, type MeetingState } from '@ningxin/shared';
import { AppError } from '../../../lib/errors';

export const orgNotUsable = () =>
  new AppError(400, 'MEETING_ORG_OUT_OF_SCOPE', '所选组织不存在、已撤销或不在您的管理范围内', [
    { path: 'orgId', message: '只能选择本组织及下级组织' },
  ]);

/** A named member who is missing, off the rolls, or neither readable nor holding a 活动证: one answer for all. */
export const attendeesNotUsable = (path: string, names: string[]) =>
  new AppError(
    400,
    'MEETING_ATTENDEE_NOT_USABLE',
    names.length
      ? `以下人员不能列入本次会议：${names.join('、')}（须为在册党员，且在您的管理范围内或持有有效的流动党员活动证）`
      : '所选党员不存在、不在册，或不在您的管理范围内',
    [{ path, message: '党员不存在、不在册或不在管理范围内' }],
  );

export const customTypeMissing = () =>
  new AppError(400, 'VALIDATION_FAILED', '请填写会议类型名称', [
    { path: 'customType', message: '请填写会议类型名称' },
  ]);

/** The meeting is not in a state that allows the step. */
export const wrongState = (state: MeetingState, what: string) =>
  new AppError(409, 'MEETING_STATE', `会议${MEETING_STATE_LABELS[state]}，不能${what}`, undefined, { state });

export const meetingArchived = () =>
  new AppError(409, 'MEETING_ARCHIVED', '会议已归档，记录已锁定；如需更正，请提交更正说明（更正记录）');

export const notArchived = () =>
  new AppError(409, 'MEETING_NOT_ARCHIVED', '只有已归档的会议需要以更正记录的方式修改，请直接编辑');

export const heldInFuture = () =>
  new AppError(400, 'VALIDATION_FAILED', '召开时间不能晚于现在', [
    { path: 'heldAt', message: '召开时间不能晚于现在' },
  ]);

export const endedBeforeStart = () =>
  new AppError(400, 'VALIDATION_FAILED', '结束时间应晚于召开时间', [
    { path: 'endedAt', message: '结束时间应晚于召开时间' },
  ]);

export const notAnAttendee = () => new AppError(404, 'NOT_FOUND', '该人员不在本次会议的名单中');

export const attendanceLocked = (state: MeetingState) =>
  new AppError(409, 'MEETING_STATE', `会议${MEETING_STATE_LABELS[state]}，出勤记录不能再修改`, undefined, {
    state,
  });

export const noLeaveRequest = () => new AppError(409, 'MEETING_NO_LEAVE_REQUEST', '该人员没有待审批的请假');

export const leaveNotAllowed = (why: string) => new AppError(409, 'MEETING_LEAVE_NOT_ALLOWED', why);

export const signInNotInvited = () =>
  new AppError(
    403,
    'SIGN_IN_NOT_INVITED',
    '您不在本次会议的参会名单中，本次会议不接受列席签到，请联系支部书记',
  );

export const signInClosedMeeting = (state: MeetingState) =>
  new AppError(409, 'SIGN_IN_MEETING_CLOSED', `会议${MEETING_STATE_LABELS[state]}，不能再签到`, [
    { path: 'token', message: `会议${MEETING_STATE_LABELS[state]}` },
  ]);

export const notAMember = () => new AppError(403, 'FORBIDDEN', '只有党员本人账户可以签到');
