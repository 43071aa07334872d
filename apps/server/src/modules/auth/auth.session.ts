import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'nx_session';

/** A fresh session token (256 bits) for the cookie; only its hash is stored. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** last_seen_at is written at most this often, so reads do not each cost a write. */
export const TOUCH_INTERVAL_MS = 60_000;
