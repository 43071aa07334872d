import { AppError } from '../../lib/errors';

export const usernameTaken = () =>
  new AppError(409, 'USERNAME_TAKEN', '该用户名已被使用', [
    { path: 'username', message: '该用户名已被使用' },
  ]);
export const scopeNotAllowed = (roleLabel: string) =>
  new AppError(400, 'SCOPE_NOT_ALLOWED', `${roleLabel}不能按此范围授权`, [
    { path: 'scope.kind', message: '该角色不能使用此授权范围' },
  ]);
export const unknownDivision = (code: string) =>
  new AppError(400, 'UNKNOWN_DIVISION', `行政区划代码 ${code} 不在本系统的代码表中`, [
    { path: 'scope.division', message: '未知的行政区划代码' },
  ]);
export const scopeOrgNotFound = () =>
  new AppError(400, 'ORG_NOT_FOUND', '授权范围中的组织不存在或已撤销', [
    { path: 'scope.orgId', message: '组织不存在' },
  ]);
export const separatedRoles = () =>
  new AppError(
    409,
    'SEPARATED_ROLES',
    '系统管理员、安全管理员、安全审计员须由不同账户担任，且不兼任业务角色',
    [{ path: 'role', message: '三员分立' }],
  );
export const roleAlreadyAssigned = () => new AppError(409, 'ROLE_ALREADY_ASSIGNED', '该账户已有此角色和范围');
export const notLocked = () => new AppError(409, 'NOT_LOCKED', '该账户当前未被锁定');
export const noSecondFactor = () => new AppError(409, 'TWO_FACTOR_OFF', '该账户未开启两步验证');
export const separatedAccountReset = () =>
  new AppError(403, 'FORBIDDEN', '安全管理员、安全审计员账户的密码只能通过命令行 reset-password 重置');
