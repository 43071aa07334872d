import { AppError } from '../../lib/errors';
import { safeError } from '../../lib/safe-error';

export const jobNotFound = () => new AppError(404, 'JOB_NOT_FOUND', '定时任务不存在');

export const jobBusy = (label: string) =>
  new AppError(409, 'JOB_BUSY', `「${label}」正在运行，请等它结束后再试`);

/**
 * Why a run or an outbox item failed, as it is stored and shown: the error's message only, as
 * safe-error keeps it (a database error's values and parameters removed), cut to 500 characters.
 */
export function failureText(error: unknown): string {
  const safe = safeError(error);
  const message = typeof safe.message === 'string' ? safe.message.trim() : '';
  return (message || String(safe.name ?? '运行失败')).slice(0, 500);
}
