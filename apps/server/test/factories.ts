import { eq, sql } from 'drizzle-orm';
import { queryRows, type Store } from '../src/db/client';
import { loginThrottle, orgs, roleAssignments, sessions, users } from '../src/db/schema';
import { hashPassword } from '../src/modules/auth/auth.password';
import { hashSessionToken } from '../src/modules/auth/auth.session';
import type { TestApp } from './app';

export async function orgByName(store: Store, name: string) {
  const [row] = await store.db.select().from(orgs).where(eq(orgs.name, name));
  if (!row) throw new Error(`no org named ${name}`);
  return row;
}

/** A branch under the named second-level committee, picked by its trade name. */
export async function branchOf(store: Store, committee: string, trade = '建筑业') {
  const parent = await orgByName(store, committee);
  const [row] = await store.db
    .select()
    .from(orgs)
    .where(
      eq(orgs.path, `${parent.path}.${(await childIdByName(store, parent.id, `${trade}流动党支部`)) ?? 0}`),
    );
  if (!row) throw new Error(`no ${trade} branch under ${committee}`);
  return row;
}

async function childIdByName(store: Store, parentId: number, name: string) {
  const rows = await store.db.select().from(orgs).where(eq(orgs.parentId, parentId));
  return rows.find((r) => r.name === name)?.id;
}

let counter = 0;

/** An account with one role assignment; the password is known and need not be changed. */
export async function createUser(
  store: Store,
  opts: {
    role: string;
    scopeKind: string;
    orgId?: number;
    division?: string;
    password?: string;
    mustChangePassword?: boolean;
    /** For a member's own account (role member, scope self). */
    memberId?: number;
  },
) {
  counter++;
  const username = `user${counter}_${Date.now() % 100000}`;
  const password = opts.password ?? 'Test-Pass-2026';
  const [user] = await store.db
    .insert(users)
    .values({
      username,
      displayName: `测试用户${counter}`,
      passwordHash: await hashPassword(password),
      mustChangePassword: opts.mustChangePassword ?? false,
      memberId: opts.memberId ?? null,
    })
    .returning();
  await store.db.insert(roleAssignments).values({
    userId: user!.id,
    role: opts.role,
    scopeKind: opts.scopeKind,
    orgId: opts.orgId ?? null,
    division: opts.division ?? null,
  });
  return { ...user!, password };
}

/** The session row behind a Cookie header returned by `TestApp.login`. */
export async function sessionOf(store: Store, cookie: string) {
  const token = decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1));
  const [row] = await store.db
    .select()
    .from(sessions)
    .where(eq(sessions.tokenHash, hashSessionToken(token)));
  if (!row) throw new Error('no session for that cookie');
  return row;
}

/** Moves a session's clock: last seen and/or absolute expiry, as if time had passed. */
export async function ageSession(
  store: Store,
  cookie: string,
  times: { lastSeenAt?: Date; expiresAt?: Date },
) {
  const session = await sessionOf(store, cookie);
  await store.db.update(sessions).set(times).where(eq(sessions.id, session.id));
}

/** Ends a login lock as if its 15 minutes had passed. */
export async function expireLoginLock(store: Store, username: string) {
  await store.db
    .update(loginThrottle)
    .set({ lockedUntil: new Date(Date.now() - 1000) })
    .where(eq(loginThrottle.username, username));
}

/** A fresh username, unique within the run. */
export function uniqueUsername(prefix = 'u') {
  counter++;
  return `${prefix}${counter}_${Date.now() % 100000}`;
}

/** How many audit entries of the action there are (for one target, if given). */
/** A table's column names, in alphabetical order (what a reader of the table could learn). */
export async function columnsOf(store: Store, table: string): Promise<string[]> {
  const rows = await queryRows<{ column_name: string }>(
    store.db,
    sql`select column_name from information_schema.columns where table_name = ${table} order by column_name`,
  );
  return rows.map((r) => r.column_name);
}

export async function auditCount(store: Store, action: string, targetId?: number | string): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    store.db,
    targetId === undefined
      ? sql`select count(*)::int as n from audit_log where action = ${action}`
      : sql`select count(*)::int as n from audit_log where action = ${action} and target_id = ${String(targetId)}`,
  );
  return rows[0]!.n;
}

/**
 * Members on the rolls under the named second-level committee, oldest records first, as the
 * office's member list gives them (through the API, so the pool is what a user would see).
 */
export async function activeMembersIn(
  t: Pick<TestApp, 'store' | 'request'>,
  officeCookie: string,
  committee: string,
  limit: number,
) {
  const org = await orgByName(t.store, committee);
  const res = await t.request({
    method: 'GET',
    url: `/api/v1/members?orgId=${org.id}&status=active&limit=${limit}&sort=createdAt&order=asc`,
    cookie: officeCookie,
  });
  return res.json().items as { id: number; name: string; homeCounty: string }[];
}
