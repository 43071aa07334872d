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
export const sessionClientChanged = () =>
  new AppError(
    401,
    'SESSION_CLIENT_CHANGED',
    '登录所用的浏览器与本次访问的不一致，为安全起见已退出，请重新登录',
  );
export const wrongCurrentPassword = (remaining: number, field = 'currentPassword') =>
  new AppError(
    400,
    'WRONG_PASSWORD',
    `当前密码不正确，还可尝试 ${remaining} 次，之后账户将被锁定`,
    [{ path: field, message: '当前密码不正确' }],
    { remainingAttempts: remaining },
  );
export const sessionNotFound = () => new AppError(404, 'NOT_FOUND', '会话不存在或已注销');

export const otpRequired = () =>
  new AppError(401, 'OTP_REQUIRED', '该账户已开启两步验证，请输入身份验证器上的 6 位动态码', [
    { path: 'otp', message: '请输入动态码' },
  ]);
export const otpInvalid = (remaining: number) =>
  new AppError(
    401,
    'OTP_INVALID',
    remaining > 0 ? `动态码不正确或已使用，还可尝试 ${remaining} 次` : '动态码不正确或已使用',
    [{ path: 'otp', message: '动态码不正确或已使用' }],
    { remainingAttempts: remaining },
  );
export const twoFactorAlreadyOn = () => new AppError(409, 'TWO_FACTOR_ON', '两步验证已开启');
export const twoFactorNotOn = () => new AppError(409, 'TWO_FACTOR_OFF', '两步验证未开启');
export const twoFactorNotStarted = () =>
  new AppError(409, 'TWO_FACTOR_NOT_STARTED', '请先生成密钥并添加到身份验证器，再输入动态码');
export const twoFactorCodeWrong = (field: 'code' | 'otp') =>
  new AppError(400, 'OTP_INVALID', '动态码不正确，请核对手机时间后输入身份验证器上当前的 6 位数字', [
    { path: field, message: '动态码不正确' },
  ]);
