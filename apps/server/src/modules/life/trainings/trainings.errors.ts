import { AppError } from '../../../lib/errors';

/** Error codes of training classes, enrolments and sessions. */

export const datesReversed = () =>
  new AppError(400, 'TRAINING_DATES_REVERSED', '结束日期不能早于开始日期', [
    { path: 'endsOn', message: '早于开始日期' },
  ]);

export const windowReversed = () =>
  new AppError(400, 'ENROL_WINDOW_REVERSED', '报名截止时间不能早于报名开始时间', [
    { path: 'enrolClosesAt', message: '早于报名开始时间' },
  ]);

export const sessionTimesReversed = () =>
  new AppError(400, 'SESSION_TIMES_REVERSED', '课次结束时间不能早于开始时间', [
    { path: 'endsAt', message: '早于开始时间' },
  ]);

export const organizerNotUsable = () =>
  new AppError(400, 'ORGANIZER_NOT_USABLE', '主办组织不存在、已撤销或不在您的管理范围内', [
    { path: 'orgId', message: '不能以该组织主办' },
  ]);

export const audienceOrgNotUsable = (index: number) =>
  new AppError(400, 'AUDIENCE_ORG_NOT_USABLE', '报名范围中的组织不存在或已撤销', [
    { path: `audienceOrgIds.${index}`, message: '组织不存在' },
  ]);

export const quotaBelowEnrolled = (enrolled: number) =>
  new AppError(409, 'QUOTA_BELOW_ENROLLED', `已有 ${enrolled} 人报名，名额不能少于已报名人数`, [
    { path: 'quota', message: `不能少于 ${enrolled}` },
  ]);

export const transitionNotAllowed = (from: string, to: string) =>
  new AppError(409, 'TRAINING_TRANSITION_NOT_ALLOWED', `培训班当前为“${from}”，不能改为“${to}”`, [
    { path: 'to', message: '不能改为该状态' },
  ]);

export const trainingClosedForChange = (state: string) =>
  new AppError(409, 'TRAINING_NOT_EDITABLE', `培训班${state}，不能再修改`);

export const enrolmentNotOpen = (why: string) => new AppError(409, 'ENROLMENT_NOT_OPEN', why);

export const notEligible = (path: string) =>
  new AppError(400, 'NOT_ELIGIBLE', '不在本培训班的报名范围内（组织或职务不符）', [
    { path, message: '不在报名范围内' },
  ]);

export const notOnRolls = (path: string) =>
  new AppError(400, 'MEMBER_NOT_ON_ROLLS', '该党员不在册，不能报名', [{ path, message: '党员不在册' }]);

export const alreadyEnrolled = (path: string, status: string) =>
  new AppError(409, 'ALREADY_ENROLLED', `已报名本培训班（${status}），不能重复报名`, [
    { path, message: '已报名' },
  ]);

export const enrolmentNotActive = (status: string) =>
  new AppError(409, 'ENROLMENT_NOT_ACTIVE', `该报名${status}，不能退出`);

export const notEnrolledMember = (path: string) =>
  new AppError(400, 'NOT_ENROLLED', '该党员未报名本培训班', [{ path, message: '未报名本培训班' }]);

export const notEnrolledForSignIn = () =>
  new AppError(409, 'NOT_ENROLLED', '您未报名该培训班（或在候补中），不能签到；请联系培训班组织者');

export const completionNotAllowed = (state: string) =>
  new AppError(409, 'COMPLETION_NOT_ALLOWED', `培训班${state}，不能办理结业`);

export const noCertificate = () => new AppError(404, 'NOT_FOUND', '结业证书不存在或无权查看');

export const notAMember = () =>
  new AppError(409, 'NO_MEMBER_RECORD', '当前账户未关联党员档案，不能报名或签到');
