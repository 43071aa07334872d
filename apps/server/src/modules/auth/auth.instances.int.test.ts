import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, secondInstance, type TestApp } from '../../../test/app';
import { createUser, sessionOf } from '../../../test/factories';
import { testStoreKind } from '../../../test/store';
import type { Store } from '../../db/client';

/**
 * An instance keeps the sessions it has just checked (auth.session-cache.ts). Whatever ends a
 * session or changes its user's rights must take effect on every instance: on the one that made
 * the change before its answer, on the others as the database's notification reaches them (a
 * moment; they are polled for it here), and never later than that, whichever path made the
 * change (the app, or SQL as the command line or an administrator would).
 *
 * Two instances on one database: on PostgreSQL two apps each with its own pool; on PGlite (one
 * process) two apps on the same store.
 */
let t: TestApp;
let other: Awaited<ReturnType<typeof secondInstance>>;
let second: FastifyInstance;
const url = () => (t.store as Store & { url?: string }).url;

beforeAll(async () => {
  t = await createTestApp();
  other = await secondInstance(t);
  second = other.app;
});
afterAll(async () => {
  await other.close();
  await t.close();
});

const onFirst = (path: string, cookie: string) => t.request({ method: 'GET', url: path, cookie });
const onSecond = (path: string, cookie: string) =>
  second.inject({ method: 'GET', url: path, headers: { cookie } });

/** Asks until the answer's status is `status` (at most 2 s) and returns the last answer's status. */
async function settlesTo(ask: () => Promise<{ statusCode: number }>, status: number): Promise<number> {
  const until = Date.now() + 2_000;
  let last = (await ask()).statusCode;
  while (last !== status && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 10));
    last = (await ask()).statusCode;
  }
  return last;
}

/** Asks for `ms` and returns every status that came back (once each). */
async function statusesFor(ask: () => Promise<{ statusCode: number }>, ms: number): Promise<number[]> {
  const seen = new Set<number>();
  const until = Date.now() + ms;
  while (Date.now() < until) {
    seen.add((await ask()).statusCode);
    await new Promise((r) => setTimeout(r, 20));
  }
  return [...seen];
}

/** A fresh office account signed in, its cookie already used (and so kept) on both instances. */
async function signedInOnBoth() {
  const user = await createUser(t.store, { role: 'committee_admin', scopeKind: 'all' });
  const cookie = await t.login(user.username, user.password);
  for (const ask of [onFirst, onSecond]) {
    expect((await ask('/api/v1/orgs/tree', cookie)).statusCode).toBe(200);
    expect((await ask('/api/v1/orgs/tree', cookie)).statusCode).toBe(200);
  }
  return { user, cookie };
}

describe('a session checked on several instances', () => {
  it('signed out on one instance is refused on the other', async () => {
    const { cookie } = await signedInOnBoth();
    expect((await t.request({ method: 'POST', url: '/api/v1/auth/logout', cookie })).statusCode).toBe(204);
    expect((await onFirst('/api/v1/orgs/tree', cookie)).statusCode).toBe(401);
    expect(await settlesTo(() => onSecond('/api/v1/orgs/tree', cookie), 401)).toBe(401);
  });

  it('an account disabled, a session ended or a role removed by SQL takes effect on both', async () => {
    const a = await signedInOnBoth();
    await t.store.db.execute(sql`update users set disabled = true where id = ${a.user.id}`);
    expect((await onFirst('/api/v1/orgs/tree', a.cookie)).statusCode).toBe(403);
    expect(await settlesTo(() => onSecond('/api/v1/orgs/tree', a.cookie), 403)).toBe(403);

    const b = await signedInOnBoth();
    const session = await sessionOf(t.store, b.cookie);
    await t.store.db.execute(sql`update sessions set revoked_at = now() where id = ${session.id}`);
    expect((await onFirst('/api/v1/orgs/tree', b.cookie)).statusCode).toBe(401);
    expect(await settlesTo(() => onSecond('/api/v1/orgs/tree', b.cookie), 401)).toBe(401);

    // Without a role the account holds no permission: the org tree is refused.
    const c = await signedInOnBoth();
    await t.store.db.execute(sql`delete from role_assignments where user_id = ${c.user.id}`);
    expect((await onFirst('/api/v1/orgs/tree', c.cookie)).statusCode).toBe(403);
    expect(await settlesTo(() => onSecond('/api/v1/orgs/tree', c.cookie), 403)).toBe(403);
    // The account itself still signs in: it is the role that went, not the session.
    expect((await onSecond('/api/v1/auth/me', c.cookie)).statusCode).toBe(200);
  });

  it.runIf(testStoreKind() === 'postgres')(
    'misses nothing while its connection to the database is lost',
    async () => {
      const { user, cookie } = await signedInOnBoth();
      // Every connection of both instances ended, as by a database restart; they come back.
      const admin = new pg.Client({ connectionString: url() });
      await admin.connect();
      try {
        const ended = await admin.query<{ pid: number }>(
          `select pid from pg_stat_activity
         where datname = current_database() and usename = current_user and pid <> pg_backend_pid()`,
        );
        for (const { pid } of ended.rows) await admin.query('select pg_terminate_backend($1)', [pid]);
        expect(ended.rows.length).toBeGreaterThan(0);
        // Gone before the change, so no instance can hear of it …
        const pids = ended.rows.map((r) => r.pid);
        for (let i = 0; i < 100; i++) {
          const left = await admin.query('select 1 from pg_stat_activity where pid = any($1)', [pids]);
          if (left.rowCount === 0) break;
          await new Promise((r) => setTimeout(r, 20));
        }
        await admin.query('update users set disabled = true where id = $1', [user.id]);
      } finally {
        await admin.end();
      }
      // … and yet neither trusts what it kept from before: not while away, nor once listening again
      // (the connections come back within a second).
      expect(await settlesTo(() => onFirst('/api/v1/orgs/tree', cookie), 403)).toBe(403);
      expect(await settlesTo(() => onSecond('/api/v1/orgs/tree', cookie), 403)).toBe(403);
      const [first, other] = await Promise.all([
        statusesFor(() => onFirst('/api/v1/orgs/tree', cookie), 1_500),
        statusesFor(() => onSecond('/api/v1/orgs/tree', cookie), 1_500),
      ]);
      expect({ first, other }).toEqual({ first: [403], other: [403] });
    },
  );
});
