import { AppError } from '../../lib/errors';

/** Error codes of care and honours. */

export const memberNotUsable = (path = 'memberId') =>
  new AppError(400, 'MEMBER_NOT_USABLE', '党员不存在或不在您的管理范围内', [
    { path, message: '党员不存在或不在您的管理范围内' },
  ]);

export const holidayRequired = () =>
  new AppError(400, 'HOLIDAY_REQUIRED', '节日慰问请填写节日（如春节、中秋）', [
    { path: 'holiday', message: '请填写节日' },
  ]);

export const holidayNotAllowed = () =>
  new AppError(400, 'HOLIDAY_NOT_ALLOWED', '只有节日慰问填写节日', [
    { path: 'holiday', message: '走访原因不是节日慰问' },
  ]);

export const helpAmountRequired = () =>
  new AppError(400, 'AMOUNT_REQUIRED', '资金、物资帮扶请填写金额（物资折价）', [
    { path: 'amountYuan', message: '应大于 0' },
  ]);

export const serviceHasNoAmount = () =>
  new AppError(400, 'AMOUNT_NOT_ALLOWED', '帮办服务不填金额', [
    { path: 'amountYuan', message: '帮办服务不填金额' },
  ]);

export const honourRecipientMissing = (path: string, message: string) =>
  new AppError(400, 'HONOUR_RECIPIENT_REQUIRED', message, [{ path, message }]);

export const honourFieldNotAllowed = (path: string) =>
  new AppError(400, 'HONOUR_FIELD_NOT_ALLOWED', '该字段与表彰类型不符', [
    { path, message: '与表彰类型不符' },
  ]);

export const orgNotUsable = (path = 'orgId') =>
  new AppError(400, 'ORG_NOT_USABLE', '组织不存在、已撤销或不在您的管理范围内', [
    { path, message: '不能选择该组织' },
  ]);
