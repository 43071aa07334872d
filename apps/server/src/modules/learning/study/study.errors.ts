import { AppError } from '../../../lib/errors';

/** Error codes of the study hours ledger. */

export const notAMember = () => new AppError(403, 'FORBIDDEN', '只有党员本人账户可以查看本人学时');

export const memberNotOnRolls = () =>
  new AppError(409, 'STUDY_MEMBER_NOT_ON_ROLLS', '该党员不在册，不能录入学时', [
    { path: 'memberId', message: '党员不在册' },
  ]);
