import { AppError } from '../../lib/errors';

export const invalidCredentials = (remaining: number) =>
  new AppError(
    401,
    'INVALID_CREDENTIALS',
    remaining > 0 ? `用户名或密码错误，还可尝试 ${remaining} 次` : '用户名或密码错误',
    undefined,
    { remainingAttempts: remaining },
  );

export const accountLocked = (maxFailures: number, until: Date) => {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return new AppError(
    429,
    'ACCOUNT_LOCKED',
    `连续 ${maxFailures} 次密码错误，账户已锁定，请 ${minutes} 分钟后再试`,
    undefined,
    { lockedUntil: until.toISOString() },
  );
};

export const accountDisabled = () => new AppError(403, 'ACCOUNT_DISABLED', '该账户已停用，请联系管理员');
export const sessionExpired = () => new AppError(401, 'SESSION_EXPIRED', '登录已超时，请重新登录');
export const wrongCurrentPassword = (remaining: number) =>
  new AppError(
    400,
    'WRONG_PASSWORD',
    `当前密码不正确，还可尝试 ${remaining} 次，之后账户将被锁定`,
    [{ path: 'currentPassword', message: '当前密码不正确' }],
    { remainingAttempts: remaining },
  );
export const sessionNotFound = () => new AppError(404, 'NOT_FOUND', '会话不存在或已注销');
