import { and, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, ne, or } from 'drizzle-orm';
import type { Executor, NamedStatement, RunNamed } from '../../db/client';
import { loginThrottle, sessions, type users } from '../../db/schema';
import type { Assignment } from '../../policy/policy';

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;

export interface SessionWithUser {
  session: Pick<SessionRow, 'id' | 'userId' | 'createdAt' | 'lastSeenAt' | 'expiresAt' | 'userAgent'>;
  user: Pick<UserRow, 'id' | 'username' | 'displayName' | 'mustChangePassword' | 'disabled' | 'memberId'>;
  assignments: Assignment[];
  /** Whether the user signs in with a second factor. */
  twoFactor: boolean;
}

interface SessionLookupRow extends Record<string, unknown> {
  id: number | string;
  user_id: number;
  created_at: string | Date;
  last_seen_at: string | Date;
  expires_at: string | Date;
  user_agent: string | null;
  username: string;
  display_name: string;
  must_change_password: boolean;
  disabled: boolean;
  member_id: number | null;
  two_factor: boolean;
  assignments: Assignment[] | string | null;
}

const toDate = (v: string | Date) => (v instanceof Date ? v : new Date(v));

const SESSION_LOOKUP: NamedStatement = {
  name: 'nx_session_lookup',
  paramTypes: ['text'],
  text: `
    select s.id, s.user_id, s.created_at, s.last_seen_at, s.expires_at, s.user_agent,
           u.username, u.display_name, u.must_change_password, u.disabled, u.member_id,
           exists (select 1 from user_second_factors f
                   where f.user_id = u.id and f.enabled_at is not null) as two_factor,
           coalesce((
             select json_agg(json_build_object(
               'id', ra.id, 'role', ra.role, 'scopeKind', ra.scope_kind, 'orgId', ra.org_id,
               'orgPath', o.path, 'division', ra.division, 'memberId', u.member_id) order by ra.id)
             from role_assignments ra left join orgs o on o.id = ra.org_id
             where ra.user_id = u.id
           ), '[]'::json) as assignments
    from sessions s join users u on u.id = s.user_id
    where s.token_hash = $1 and s.revoked_at is null`,
};

export const authRepository = {
  /** The session, its user and the user's role assignments, in one round trip (every request). */
  async findSession(run: RunNamed, tokenHash: string): Promise<SessionWithUser | null> {
    const rows = await run<SessionLookupRow>(SESSION_LOOKUP, [tokenHash]);
    const row = rows[0];
    if (!row) return null;
    const assignments =
      typeof row.assignments === 'string'
        ? (JSON.parse(row.assignments) as Assignment[])
        : (row.assignments ?? []);
    return {
      session: {
        id: Number(row.id),
        userId: row.user_id,
        createdAt: toDate(row.created_at),
        lastSeenAt: toDate(row.last_seen_at),
        expiresAt: toDate(row.expires_at),
        userAgent: row.user_agent,
      },
      user: {
        id: row.user_id,
        username: row.username,
        displayName: row.display_name,
        mustChangePassword: row.must_change_password,
        disabled: row.disabled,
        memberId: row.member_id,
      },
      assignments,
      twoFactor: row.two_factor,
    };
  },

  async touchSession(db: Executor, id: number, at: Date): Promise<void> {
    await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
  },

  async insertSession(
    tx: Executor,
    values: Pick<SessionRow, 'userId' | 'tokenHash' | 'expiresAt' | 'ip' | 'userAgent'>,
  ): Promise<SessionRow> {
    const [row] = await tx.insert(sessions).values(values).returning();
    return row!;
  },

  async revokeSession(tx: Executor, id: number, userId: number): Promise<boolean> {
    const rows = await tx
      .update(sessions)
      .set({ revokedAt: new Date() })
      .where(and(eq(sessions.id, id), eq(sessions.userId, userId), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id });
    return rows.length > 0;
  },

  /** Revokes every open session of the user except `keepId` (if given); returns how many. */
  async revokeUserSessions(tx: Executor, userId: number, keepId?: number): Promise<number> {
    const rows = await tx
      .update(sessions)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(sessions.userId, userId),
          isNull(sessions.revokedAt),
          keepId === undefined ? undefined : ne(sessions.id, keepId),
        ),
      )
      .returning({ id: sessions.id });
    return rows.length;
  },

  /** Sessions still usable: not revoked, not past their expiry, seen since `idleSince`. */
  async listOpenSessions(db: Executor, userId: number, now: Date, idleSince: Date): Promise<SessionRow[]> {
    return db
      .select()
      .from(sessions)
      .where(
        and(
          eq(sessions.userId, userId),
          isNull(sessions.revokedAt),
          gt(sessions.expiresAt, now),
          gte(sessions.lastSeenAt, idleSince),
        ),
      )
      .orderBy(desc(sessions.lastSeenAt));
  },

  /** Deletes the sessions that expired, or were revoked, before `cutoff`; returns how many. */
  async purgeSessions(db: Executor, cutoff: Date): Promise<number> {
    const rows = await db
      .delete(sessions)
      .where(or(lt(sessions.expiresAt, cutoff), lt(sessions.revokedAt, cutoff)))
      .returning({ id: sessions.id });
    return rows.length;
  },

  /** When each of the usernames is locked until (locked ones only). */
  async lockedUntil(db: Executor, usernames: string[]): Promise<Map<string, Date>> {
    if (usernames.length === 0) return new Map();
    const rows = await db
      .select({ username: loginThrottle.username, lockedUntil: loginThrottle.lockedUntil })
      .from(loginThrottle)
      .where(and(inArray(loginThrottle.username, usernames), isNotNull(loginThrottle.lockedUntil)));
    return new Map(rows.map((r) => [r.username, r.lockedUntil!]));
  },

  /** Lifts a lock and its count; false when the name was not locked. */
  async clearLock(tx: Executor, username: string): Promise<boolean> {
    const rows = await tx
      .update(loginThrottle)
      .set({ failures: 0, lockedUntil: null, updatedAt: new Date() })
      .where(and(eq(loginThrottle.username, username), isNotNull(loginThrottle.lockedUntil)))
      .returning({ username: loginThrottle.username });
    return rows.length > 0;
  },

  /** The throttle row for a username, locked for this transaction (created when absent). */
  async lockThrottle(tx: Executor, username: string) {
    await tx.insert(loginThrottle).values({ username }).onConflictDoNothing();
    const [row] = await tx
      .select()
      .from(loginThrottle)
      .where(eq(loginThrottle.username, username))
      .for('update');
    return row!;
  },

  async setThrottle(
    tx: Executor,
    username: string,
    failures: number,
    lockedUntil: Date | null,
  ): Promise<void> {
    await tx
      .update(loginThrottle)
      .set({ failures, lockedUntil, updatedAt: new Date() })
      .where(eq(loginThrottle.username, username));
  },
};
