import { AppError } from '../../../lib/errors';

/** Error codes of self-reported volunteer hours. */

export const notAMember = () =>
  new AppError(409, 'NO_MEMBER_RECORD', '当前账户未关联党员档案，不能填报志愿服务时长');

export const notOnRolls = () =>
  new AppError(409, 'MEMBER_NOT_ON_ROLLS', '党员档案不在册，不能填报志愿服务时长');

export const notDecidable = (state: string) =>
  new AppError(409, 'VOLUNTEER_HOURS_NOT_PENDING', `该填报${state}，不能再审核`);

export const notWithdrawable = (state: string) =>
  new AppError(409, 'VOLUNTEER_HOURS_NOT_WITHDRAWABLE', `该填报${state}，不能撤回`);

export const rejectNeedsReason = () =>
  new AppError(400, 'REJECT_NEEDS_REASON', '不通过时请填写原因', [
    { path: 'reason', message: '请填写不通过的原因' },
  ]);
