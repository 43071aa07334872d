import { AppError } from '../../lib/errors';

/** Error codes of the archive room. */

export const orgNotUsable = () =>
  new AppError(400, 'ORG_NOT_USABLE', '所属组织不存在、已撤销或不在您的管理范围内', [
    { path: 'orgId', message: '不能选择该组织' },
  ]);

export const memberNotUsable = () =>
  new AppError(400, 'MEMBER_NOT_USABLE', '党员不存在或不在您的管理范围内', [
    { path: 'memberId', message: '党员不存在或不在您的管理范围内' },
  ]);

export const codeTaken = (code: string) =>
  new AppError(409, 'ARCHIVE_CODE_TAKEN', `档号“${code}”已被使用`, [{ path: 'code', message: '档号已存在' }]);

export const onLoan = () =>
  new AppError(409, 'ARCHIVE_ON_LOAN', '该档案已借出，尚未归还', [{ path: 'id', message: '档案已借出' }]);

export const cannotDeleteOnLoan = () =>
  new AppError(409, 'ARCHIVE_ON_LOAN', '档案借出期间不能删除，请先办理归还', [
    { path: 'id', message: '档案已借出' },
  ]);

export const dueBeforeLent = () =>
  new AppError(400, 'DUE_BEFORE_LENT', '应还日期不能早于借出日期', [
    { path: 'dueOn', message: '早于借出日期' },
  ]);

export const returnedBeforeLent = (lentOn: string) =>
  new AppError(400, 'RETURNED_BEFORE_LENT', `归还日期不能早于借出日期（${lentOn}）`, [
    { path: 'returnedOn', message: `不能早于 ${lentOn}` },
  ]);

export const alreadyReturned = () =>
  new AppError(409, 'ARCHIVE_LOAN_RETURNED', '该借阅已归还', [{ path: 'id', message: '已归还' }]);

export const borrowerNotUsable = () =>
  new AppError(400, 'BORROWER_NOT_USABLE', '借阅账号不存在', [
    { path: 'borrowerUserId', message: '账号不存在' },
  ]);
