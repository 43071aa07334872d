import type { ProblemField } from '@ningxin/shared';

/** An error answered by the API as problem+json: a stable code and a Chinese message for the user. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: ProblemField[];
  readonly details: Record<string, unknown> | undefined;

  constructor(
    status: number,
    code: string,
    message: string,
    fields: ProblemField[] = [],
    details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.details = details;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export interface SessionHandlers {
  /** Any 401: the session expired or was revoked; the app sends the user to /login. */
  onUnauthorized: () => void;
  /**
   * 403 PASSWORD_CHANGE_REQUIRED, or TWO_FACTOR_REQUIRED (an administrator without a second
   * factor): the app reloads the user and sends them to 我的账户.
   */
  onPasswordChangeRequired: () => void;
}

let sessionHandlers: SessionHandlers = { onUnauthorized: () => {}, onPasswordChangeRequired: () => {} };

export function setSessionHandlers(handlers: SessionHandlers): void {
  sessionHandlers = handlers;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | boolean | null | undefined>;
  /** Set to false where a 401 is an expected answer (logging in), not a lost session. */
  redirectOn401?: boolean;
  signal?: AbortSignal;
}

const NETWORK_MESSAGE = '无法连接服务器，请检查网络后重试';

/** What a request that never reached the server (or lost its connection) fails with. */
export function networkError(): ApiError {
  return new ApiError(0, 'NETWORK_ERROR', NETWORK_MESSAGE);
}

/** The URL of an API path with its query string (empty values left out), for links and fetch. */
export function apiUrl(path: string, query?: RequestOptions['query']): string {
  const url = `/api/v1${path}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${url}?${qs}` : url;
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: Record<string, unknown> = {};
  try {
    body = (await response.json()) as Record<string, unknown>;
  } catch {
    // Not JSON (a proxy error page, for instance): fall back to a generic message.
  }
  const code = typeof body.code === 'string' ? body.code : `HTTP_${response.status}`;
  const message =
    typeof body.message === 'string' && body.message
      ? body.message
      : response.status >= 500
        ? '服务器出错了，请稍后重试'
        : `请求失败（${response.status}）`;
  const fields = Array.isArray(body.fields) ? (body.fields as ProblemField[]) : [];
  const details =
    body.details && typeof body.details === 'object' ? (body.details as Record<string, unknown>) : undefined;
  return new ApiError(response.status, code, message, fields, details);
}

/**
 * The ApiError of a failed response; a lost session or a required password change is passed on to
 * the session handlers, as for any API call. For callers that fetch themselves (uploads, streams).
 */
export async function errorFromResponse(response: Response, redirectOn401 = true): Promise<ApiError> {
  const error = await toApiError(response);
  if (response.status === 401 && redirectOn401) sessionHandlers.onUnauthorized();
  if (error.code === 'PASSWORD_CHANGE_REQUIRED' || error.code === 'TWO_FACTOR_REQUIRED')
    sessionHandlers.onPasswordChangeRequired();
  return error;
}

/** Calls the JSON API under /api/v1; resolves with the parsed body (undefined for 204). */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, query, redirectOn401 = true, signal } = options;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(apiUrl(path, query), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw networkError();
  }
  if (!response.ok) throw await errorFromResponse(response, redirectOn401);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
