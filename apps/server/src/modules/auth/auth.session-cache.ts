import type { Listen } from '../../db/notifications';
import type { SessionWithUser } from './auth.repository';

/** How many sessions an instance keeps at most (the oldest kept goes first). */
const MAX_ENTRIES = 10_000;

/**
 * The sessions this instance has just checked, so that a request need not look its session up
 * again (one statement and round trip on every request). An entry is trusted only while the
 * session was seen within the last `freshMs` (its `last_seen_at`, written once that long; past it
 * the lookup runs and writes it again), before it expires, and while the store is listening to
 * `nx_auth_changed`: every change that may end a session or change what its user may do (sign-out,
 * a session ended by an administrator or a password change, the account disabled or its name
 * changed, roles, the second factor, an org moved) is announced there by a trigger when it
 * commits, on every instance, and drops what was kept of that user (or everything). An instance
 * that stops listening (its connection lost) keeps nothing until it listens again.
 *
 * A lookup that began before a change and ends after it must not keep what it read: `begin()`
 * takes the count of changes heard, and `keep` stores only when none came in between.
 */
export interface SessionCache {
  get(tokenHash: string, now: Date): SessionWithUser | undefined;
  begin(): number;
  keep(tokenHash: string, found: SessionWithUser, began: number): void;
}

export function createSessionCache(listen: Listen, freshMs: number): SessionCache {
  const entries = new Map<string, SessionWithUser>();
  let changes = 0;
  let listening = false;

  const forget = (payload: string) => {
    changes += 1;
    if (payload === '*') {
      entries.clear();
      return;
    }
    const userId = Number(payload);
    for (const [hash, found] of entries) if (found.user.id === userId) entries.delete(hash);
  };

  listen('nx_auth_changed', {
    message: forget,
    listening(on) {
      // Whatever was announced while not listening is unknown: start afresh either way.
      changes += 1;
      entries.clear();
      listening = on;
    },
  }).catch(() => {
    listening = false;
  });

  return {
    get(tokenHash, now) {
      if (!listening) return undefined;
      const found = entries.get(tokenHash);
      if (!found) return undefined;
      const t = now.getTime();
      if (found.session.expiresAt.getTime() <= t || t - found.session.lastSeenAt.getTime() > freshMs) {
        entries.delete(tokenHash);
        return undefined;
      }
      return found;
    },
    begin: () => changes,
    keep(tokenHash, found, began) {
      if (!listening || began !== changes) return;
      entries.delete(tokenHash);
      if (entries.size >= MAX_ENTRIES) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
      entries.set(tokenHash, found);
    },
  };
}
