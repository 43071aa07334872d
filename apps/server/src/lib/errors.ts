import type { ProblemField } from '@ningxin/shared';

/**
 * An error a user can act on: an HTTP status, a stable code, a Chinese message and the
 * fields at fault. Modules throw these; the error handler turns them into problem+json.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: ProblemField[],
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const unauthenticated = () => new AppError(401, 'UNAUTHENTICATED', '请先登录');
export const forbidden = (message = '没有权限执行此操作') => new AppError(403, 'FORBIDDEN', message);
export const notFound = (what: string) => new AppError(404, 'NOT_FOUND', `${what}不存在或无权查看`);
export const versionConflict = () =>
  new AppError(409, 'VERSION_CONFLICT', '该记录已被他人修改，请刷新后再试', [
    { path: 'version', message: '版本已过期' },
  ]);
export const invalidField = (path: string, message: string, code = 'VALIDATION_FAILED') =>
  new AppError(400, code, message, [{ path, message }]);
