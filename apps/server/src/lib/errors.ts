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
/**
 * Throws 409 unless the row is at the version the edit was based on. Called right after the
 * row is locked and the actor's right to it checked, before any business rule: a stale edit is
 * told it is stale, not that its content breaks a rule the newer row may no longer break.
 */
export function assertVersion(row: { version: number }, version: number): void {
  if (row.version !== version) throw versionConflict();
}

/** A 400 naming every field at fault; the message is the first fault's. */
export const validationFailed = (fields: ProblemField[]) =>
  new AppError(400, 'VALIDATION_FAILED', fields[0]?.message ?? '请求参数有误', fields);

export const invalidField = (path: string, message: string, code = 'VALIDATION_FAILED') =>
  new AppError(400, code, message, [{ path, message }]);
