import { AppError } from './errors';

/** The PostgreSQL error behind a driver or Drizzle error, if any. */
function pgError(err: unknown): { code?: string; constraint?: string } | undefined {
  let e: unknown = err;
  for (let depth = 0; e && depth < 4; depth++) {
    const candidate = e as { code?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      return candidate as { code: string; constraint?: string };
    }
    e = candidate.cause;
  }
  return undefined;
}

/** Whether the error is a unique violation (of the named constraint or index, if given). */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const pg = pgError(err);
  if (pg?.code !== '23505') return false;
  return constraint === undefined || pg.constraint === undefined || pg.constraint === constraint;
}

/**
 * SQLSTATEs of a database that is gone or going: connection failures (class 08), the server
 * shutting down or crashing (57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now).
 */
const UNAVAILABLE_STATES = /^(08...|57P0[123])$/;
/** The socket's errors when the database's address answers no more. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);
/** node-postgres says these in words only (no code). */
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Client was closed and is not queryable',
];

/**
 * Whether the error says the database cannot be reached now (restarting, stopped, the network
 * gone, or no connection free within the pool's wait), not that the request was wrong: such a
 * request may succeed when tried again, and is answered 503.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { code, message, cause } = e as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === 'string' && (UNAVAILABLE_STATES.test(code) || UNAVAILABLE_CODES.has(code)))
      return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((m) => message.startsWith(m))) return true;
    e = cause;
  }
  return false;
}

/** The answer to a request the database could not serve now: 503, to be tried again. */
export const databaseUnavailable = () =>
  new AppError(503, 'DATABASE_UNAVAILABLE', '数据库暂时无法连接，请稍后再试');
