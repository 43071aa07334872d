import { AppError } from '../../../lib/errors';

/** Error codes of volunteer campaigns, their posts, shifts, roster and check-in. */

export const datesReversed = () =>
  new AppError(400, 'CAMPAIGN_DATES_REVERSED', '结束日期不能早于开始日期', [
    { path: 'endsOn', message: '早于开始日期' },
  ]);

export const organizerNotUsable = () =>
  new AppError(400, 'ORGANIZER_NOT_USABLE', '主办组织不存在、已撤销或不在您的管理范围内', [
    { path: 'orgId', message: '不能以该组织主办' },
  ]);

export const orgNotUsable = (field: string, index: number) =>
  new AppError(400, 'ORG_NOT_USABLE', '所选组织不存在或已撤销', [
    { path: `${field}.${index}`, message: '组织不存在' },
  ]);

export const customTaskMissing = () =>
  new AppError(400, 'CUSTOM_TASK_MISSING', '任务类型为“其他”时请填写任务名称', [
    { path: 'customTask', message: '请填写任务名称' },
  ]);

export const leaderNotUsable = () =>
  new AppError(400, 'LEADER_NOT_USABLE', '点位负责人不存在、不在册或不在您的管理范围内', [
    { path: 'leaderMemberId', message: '不能担任负责人' },
  ]);

export const postNotFound = () =>
  new AppError(400, 'POST_NOT_FOUND', '点位不属于本活动', [{ path: 'postId', message: '点位不存在' }]);

export const dateOutsideCampaign = (index: number, from: string, to: string) =>
  new AppError(400, 'SHIFT_OUTSIDE_CAMPAIGN', `班次日期应在活动期间（${from} 至 ${to}）`, [
    { path: `onDates.${index}`, message: '不在活动期间' },
  ]);

export const campaignNotEditable = (state: string) =>
  new AppError(409, 'CAMPAIGN_NOT_EDITABLE', `活动${state}，不能再修改`);

export const transitionNotAllowed = (from: string, to: string) =>
  new AppError(409, 'CAMPAIGN_TRANSITION_NOT_ALLOWED', `活动当前为“${from}”，不能改为“${to}”`, [
    { path: 'to', message: '不能改为该状态' },
  ]);

export const memberNotUsable = () =>
  new AppError(400, 'MEMBER_NOT_USABLE', '党员不存在、不在册或不在您的管理范围内', [
    { path: 'memberId', message: '不能排班' },
  ]);

export const shiftNotFound = () =>
  new AppError(400, 'SHIFT_NOT_FOUND', '班次不属于本活动', [{ path: 'shiftId', message: '班次不存在' }]);

export const alreadyOnShift = (path: string) =>
  new AppError(409, 'ALREADY_ON_SHIFT', '该党员已在这个班次中', [{ path, message: '已在班次中' }]);

export const shiftFull = (path: string, headcount: number) =>
  new AppError(409, 'SHIFT_FULL', `该班次已满（每班 ${headcount} 人）`, [{ path, message: '班次已满' }]);

export const shiftConflict = (path: string, other: string) =>
  new AppError(409, 'SHIFT_CONFLICT', `时间冲突：已排在${other}，同一时间不能在两个班次`, [
    { path, message: '时间冲突' },
  ]);

export const signUpClosed = (why: string) =>
  new AppError(409, 'SIGN_UP_CLOSED', why, [{ path: 'shiftId', message: why }]);

export const notAMember = () =>
  new AppError(409, 'NO_MEMBER_RECORD', '当前账户未关联党员档案，不能报名或签到');

export const placeNotScheduled = (state: string) =>
  new AppError(409, 'PLACE_NOT_SCHEDULED', `该排班${state}，不能取消`);

export const checkNotAllowed = (state: string, action: string) =>
  new AppError(409, 'CHECK_NOT_ALLOWED', `该志愿者${state}，不能${action}`, [
    { path: 'action', message: '当前状态下不能这样操作' },
  ]);

export const checkOutBeforeIn = () =>
  new AppError(400, 'CHECK_OUT_BEFORE_IN', '签退时间不能早于签到时间', [
    { path: 'at', message: '早于签到时间' },
  ]);

export const shiftClosed = () => new AppError(409, 'SHIFT_CLOSED', '该班次已结束并已关闭，不能再签到签退');

export const campaignNotOpen = () =>
  new AppError(409, 'CAMPAIGN_NOT_OPEN', '活动未在进行中，不能签到签退', [
    { path: 'token', message: '活动未在进行中' },
  ]);

export const noShiftNow = () =>
  new AppError(409, 'NO_SHIFT_NOW', '该点位此时没有班次，请在班次开始前后扫码或联系点位负责人', [
    { path: 'token', message: '此时没有班次' },
  ]);

export const codeRefused = (code: string, message: string) =>
  new AppError(400, code, message, [{ path: 'token', message }]);
