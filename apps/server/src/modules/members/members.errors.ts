import { AppError } from '../../lib/errors';

export const duplicateInScope = (existing: { id: number; name: string }) =>
  new AppError(
    409,
    'MEMBER_DUPLICATE',
    `身份证号与已有党员 ${existing.name} 重复，请打开该档案核对`,
    [{ path: 'idNumber', message: '该身份证号已登记' }],
    { memberId: existing.id, name: existing.name },
  );

/** Outside the actor's scope: say only that the person is registered, and with whom to check. */
export const registeredElsewhere = () =>
  new AppError(409, 'MEMBER_REGISTERED_ELSEWHERE', '该党员已在其他党组织登记，请联系流动党委办公室核实', [
    { path: 'idNumber', message: '已在其他党组织登记' },
  ]);

export const statusTransitionNotAllowed = (from: string, to: string) =>
  new AppError(409, 'MEMBER_STATUS_TRANSITION', `不能从“${from}”变更为“${to}”`, [
    { path: 'status', message: '不允许的状态变更' },
  ]);

export const sameStatus = () =>
  new AppError(400, 'MEMBER_STATUS_UNCHANGED', '新状态与当前状态相同', [
    { path: 'status', message: '状态未变化' },
  ]);

export const orgNotUsable = () =>
  new AppError(400, 'MEMBER_ORG_INVALID', '所选党组织不存在、已撤销或不在您的管理范围内', [
    { path: 'orgId', message: '党组织不可用' },
  ]);

export const unknownHomeCounty = () =>
  new AppError(400, 'UNKNOWN_DIVISION', '户籍县区不是流出地的县区', [
    { path: 'homeCounty', message: '不是流出地县区' },
  ]);

export const unknownHostDistrict = () =>
  new AppError(400, 'UNKNOWN_DIVISION', '居住区不是流入地的区县', [
    { path: 'hostDistrict', message: '不是流入地区县' },
  ]);

export const unknownCode = (path: string, label: string) =>
  new AppError(400, 'UNKNOWN_CODE', `${label}代码不在代码表中`, [{ path, message: `未知的${label}代码` }]);

export const noMemberRecord = () => new AppError(404, 'NOT_FOUND', '当前账户未关联党员档案');

export const memberHasAccount = () => new AppError(409, 'MEMBER_HAS_ACCOUNT', '该党员已开通登录账户');

export const phoneUsedAsUsername = () =>
  new AppError(409, 'USERNAME_TAKEN', '该党员的手机号已被其他账户用作用户名，请先核对手机号');
