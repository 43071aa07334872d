import { isApiError } from './api';

/**
 * The words a plain page (no antd, see useApiErrorHandler for the others) shows for a failed
 * request: the server's message; null for a 401, as the app is already on its way to /login.
 */
export function apiErrorText(error: unknown): string | null {
  if (isApiError(error) && error.status === 401) return null;
  return error instanceof Error ? error.message : String(error);
}
