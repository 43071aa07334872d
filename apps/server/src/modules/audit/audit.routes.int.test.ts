import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { uniqueUsername } from '../../../test/factories';
import { queryRows } from '../../db/client';
import { versionConflict } from '../../lib/errors';
import { appendAudit, audited } from './audit.service';

let t: TestApp;
let auditor: string;
let admin: string;

beforeAll(async () => {
  t = await createTestApp();
  [auditor, admin] = await Promise.all([t.login('auditor'), t.login('admin')]);
});
afterAll(() => t.close());

interface Entry {
  seq: number;
  lane: number;
  laneSeq: number;
  at: string;
  action: string;
  actorName: string | null;
  actorDisplayName: string | null;
  targetId: string | null;
  after: unknown;
}

const get = (url: string, cookie?: string) =>
  t.request({ method: 'GET', url, ...(cookie ? { cookie } : {}) });
const post = (url: string, payload: object, cookie?: string) =>
  t.request({ method: 'POST', url, payload, ...(cookie ? { cookie } : {}) });
const list = async (query: string): Promise<{ items: Entry[]; nextCursor: number | null }> =>
  (await get(`/api/v1/audit?${query}`, auditor)).json();
const verify = async () => (await get('/api/v1/audit/verify', auditor)).json();
const failLogin = (username: string) => post('/api/v1/auth/login', { username, password: 'Wrong-Pass-1' });
const createAccount = (username = uniqueUsername('acct')) =>
  post('/api/v1/users', { username, displayName: '审计测试', password: 'First-Pass-2026' }, admin);
const auditRows = async (where = sql``) =>
  (await queryRows<{ n: number }>(t.store.db, sql`select count(*)::int as n from audit_log ${where}`))[0]!.n;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The PostgreSQL error message behind a driver or Drizzle error. */
const causeOf = (err: unknown) => String((err as { cause?: Error }).cause?.message ?? (err as Error).message);

describe('GET /api/v1/audit', () => {
  it('401, 403 for everyone but the audit admin, and 400', async () => {
    expect((await get('/api/v1/audit')).statusCode).toBe(401);
    for (const name of ['office', 'tongzhou', 'admin', 'security']) {
      const res = await get('/api/v1/audit', await t.login(name));
      expect(res.statusCode, name).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
    const zero = await get('/api/v1/audit?limit=0', auditor);
    expect(zero.statusCode).toBe(400);
    expect(zero.json().fields[0].path).toBe('limit');
    const date = await get('/api/v1/audit?from=not-a-date', auditor);
    expect(date.statusCode).toBe(400);
    expect(date.json().fields).toEqual([
      { path: 'from', message: '起始时间格式应为 ISO 8601（如 2026-01-01T08:00:00+08:00）' },
    ]);
    expect((await get('/api/v1/audit?limit=201', auditor)).statusCode).toBe(400);
  });

  it('filters by actor and by action, newest first, with Chinese action names', async () => {
    const ghost = uniqueUsername('ghost');
    await failLogin(ghost);
    await failLogin(ghost);
    const mine = await list(`actor=${ghost}`);
    expect(mine.items.map((e) => e.action)).toEqual(['auth.login_failed', 'auth.login_failed']);
    expect(mine.items[0]!.seq).toBeGreaterThan(mine.items[1]!.seq);
    expect(mine.items[0]).toMatchObject({ actionLabel: '登录失败', ip: '127.0.0.1' });
    const created = await list('action=user.created');
    expect(created.items.every((e) => e.action === 'user.created')).toBe(true);
    expect((await list('actor=nobody-at-all')).items).toEqual([]);
  });

  it('names who acted by the account’s display name beside the logged username', async () => {
    const username = uniqueUsername('named');
    const res = await createAccount(username);
    expect(res.statusCode).toBe(201);
    const [created] = (await list(`action=user.created&targetId=${res.json().id}`)).items;
    expect(created).toMatchObject({ actorName: 'admin', actorDisplayName: '系统管理员' });
    // The display name is the account's current one; a failed sign-in has no account behind it.
    const ghost = uniqueUsername('ghost');
    await failLogin(ghost);
    const [failed] = (await list(`actor=${ghost}`)).items;
    expect(failed).toMatchObject({ actorName: ghost, actorDisplayName: null });
  });

  it('filters by target type and id', async () => {
    const res = await createAccount();
    const { items } = await list(`targetType=user&targetId=${res.json().id}`);
    expect(items.map((e) => e.action)).toEqual(['user.created']);
    expect((await list(`targetType=org&targetId=${res.json().id}`)).items).toEqual([]);
  });

  it('filters by a time range, both ends included', async () => {
    const ghost = uniqueUsername('clock');
    await failLogin(ghost);
    await pause(20);
    const from = new Date().toISOString();
    await failLogin(ghost);
    const middle = (await list(`actor=${ghost}&limit=1`)).items[0]!;
    await pause(20);
    const to = new Date().toISOString();
    await pause(20);
    await failLogin(ghost);
    const inRange = await list(`actor=${ghost}&from=${from}&to=${to}`);
    expect(inRange.items.map((e) => e.seq)).toEqual([middle.seq]);
    const exact = await list(`actor=${ghost}&from=${middle.at}&to=${middle.at}`);
    expect(exact.items.map((e) => e.seq)).toEqual([middle.seq]);
    const offset = await list(`actor=${ghost}&from=${encodeURIComponent(from.replace('Z', '+00:00'))}`);
    expect(offset.items).toHaveLength(2);
  });

  it('pages with a keyset cursor, returning each row exactly once', async () => {
    const ghost = uniqueUsername('pager');
    for (let i = 0; i < 5; i++) await failLogin(ghost);
    const all = (await list(`actor=${ghost}`)).items.map((e) => e.seq);
    expect(all).toHaveLength(6); // five failures and the lock
    const seen: number[] = [];
    let cursor: number | null = null;
    let pages = 0;
    do {
      const page = await list(`actor=${ghost}&limit=4${cursor ? `&before=${cursor}` : ''}`);
      seen.push(...page.items.map((e) => e.seq));
      cursor = page.nextCursor;
      pages++;
    } while (cursor !== null && pages < 10);
    expect(pages).toBe(2);
    expect(seen).toEqual(all);
  });

  it('offers no way to change or remove an entry', async () => {
    const [entry] = (await list('limit=1')).items;
    for (const method of ['PATCH', 'PUT', 'DELETE'] as const) {
      const res = await t.request({
        method,
        url: `/api/v1/audit/${entry!.seq}`,
        payload: {},
        cookie: auditor,
      });
      expect(res.statusCode).toBe(404);
    }
  });
});

describe('audit rows commit with the write they record', () => {
  it('leaves no row and no gap in its chain when the transaction that appended it fails', async () => {
    const before = await verify();
    const ctx = { actorId: null, actorName: 'test', ip: null };
    const appendedThenFailed = t.store.db.transaction(async (tx) => {
      await appendAudit(tx, ctx, { action: 'settings.reset', targetType: 'test', targetId: 'rolled-back' });
      throw versionConflict();
    });
    await expect(appendedThenFailed).rejects.toMatchObject({ status: 409, code: 'VERSION_CONFLICT' });
    const failedWork = audited(t.store.db, ctx, async (_tx, audit) => {
      audit({ action: 'settings.reset', targetType: 'test', targetId: 'rolled-back' });
      throw versionConflict();
    });
    await expect(failedWork).rejects.toMatchObject({ status: 409, code: 'VERSION_CONFLICT' });
    expect((await list('targetType=test&targetId=rolled-back')).items).toEqual([]);
    const res = await createAccount();
    expect(res.statusCode).toBe(201);
    const [created] = (await list('limit=1')).items;
    expect(created).toMatchObject({ action: 'user.created', targetId: String(res.json().id) });
    // The log's number skips the one the failed append took; its chain does not.
    const [previous] = (await list(`limit=1&before=${created!.seq}`)).items;
    expect(created!.seq).toBe(previous!.seq + 2);
    expect(await verify()).toMatchObject({ status: 'intact', rows: before.rows + 1 });
  });

  it('writes no row for a refused write (409)', async () => {
    const name = uniqueUsername('twice');
    expect((await createAccount(name)).statusCode).toBe(201);
    expect((await createAccount(name)).statusCode).toBe(409);
    const rows = (await list('action=user.created&limit=200')).items.filter((e) =>
      JSON.stringify(e).includes(name),
    );
    expect(rows).toHaveLength(1);
  });

  it('keeps the chain whole under concurrent writes', async () => {
    const before = await verify();
    const results = await Promise.all(Array.from({ length: 12 }, () => createAccount()));
    expect(results.map((r) => r.statusCode)).toEqual(Array(12).fill(201));
    expect(await verify()).toMatchObject({
      status: 'intact',
      rows: before.rows + 12,
      firstBrokenSeq: null,
      firstBrokenLane: null,
      reason: null,
    });
  });
});

describe('GET /api/v1/audit/verify', () => {
  it('401 and 403', async () => {
    expect((await get('/api/v1/audit/verify')).statusCode).toBe(401);
    expect((await get('/api/v1/audit/verify', await t.login('office'))).statusCode).toBe(403);
    expect((await get('/api/v1/audit/verify', admin)).statusCode).toBe(403);
  });

  it('reports the chain intact after activity, counting every row', async () => {
    await failLogin(uniqueUsername('busy'));
    expect(await verify()).toEqual({
      status: 'intact',
      rows: await auditRows(),
      lanes: expect.any(Number),
      firstBrokenSeq: null,
      firstBrokenLane: null,
      reason: null,
    });
  });

  it('refuses UPDATE and DELETE even through the app’s own connection', async () => {
    const attempts = [
      sql`update audit_log set after = '{}'::jsonb where seq = 1`,
      sql`delete from audit_log where seq = 1`,
    ];
    for (const statement of attempts) {
      const err = await t.store.db.execute(statement).then(
        () => null,
        (e: unknown) => e,
      );
      expect(causeOf(err)).toContain('audit_log is append-only');
    }
    expect((await verify()).status).toBe('intact');
  });

  it('finds a row tampered with behind the trigger’s back, and names its seq', async () => {
    const [victim] = (await list('action=user.created&limit=1')).items;
    await t.store.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    await t.store.db.execute(
      sql`update audit_log set after = '{"username":"someone-else"}'::jsonb where seq = ${victim!.seq}`,
    );
    await t.store.db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);

    const n = await auditRows();
    expect(await verify()).toMatchObject({
      status: 'broken',
      firstBrokenSeq: victim!.seq,
      firstBrokenLane: victim!.lane,
      reason: '记录内容与哈希不符',
    });
    // Every row but the tampered one and those after it in its chain is vouched for.
    const unvouched = await auditRows(sql`where lane = ${victim!.lane} and lane_seq >= ${victim!.laneSeq}`);
    expect((await verify()).rows).toBe(n - unvouched);
    // Later entries do not hide it, and the trigger is back on.
    await failLogin(uniqueUsername('after'));
    expect((await verify()).firstBrokenSeq).toBe(victim!.seq);
    const err = await t.store.db
      .execute(sql`delete from audit_log where seq = ${victim!.seq}`)
      .catch((e) => e);
    expect(causeOf(err)).toContain('append-only');
  });
});
