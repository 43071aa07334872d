import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { ageSession, createUser, sessionOf } from '../../../test/factories';
import { users } from '../../db/schema';

let t: TestApp;
let auditor: string;

beforeAll(async () => {
  t = await createTestApp();
  auditor = await t.login('auditor');
});
afterAll(() => t.close());

const get = (url: string, cookie?: string) =>
  t.request({ method: 'GET', url, ...(cookie ? { cookie } : {}) });
const post = (url: string, payload?: object, cookie?: string) =>
  t.request({ method: 'POST', url, ...(payload ? { payload } : {}), ...(cookie ? { cookie } : {}) });
const del = (url: string, cookie?: string) =>
  t.request({ method: 'DELETE', url, ...(cookie ? { cookie } : {}) });
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
const newUser = () => createUser(t.store, { role: 'committee_admin', scopeKind: 'all' });

describe('session timeouts', () => {
  it('401 SESSION_EXPIRED after 31 idle minutes, and the session stays dead', async () => {
    const cookie = await t.login('office');
    await ageSession(t.store, cookie, { lastSeenAt: minutesAgo(29) });
    expect((await get('/api/v1/auth/me', cookie)).statusCode).toBe(200); // 29 minutes is still within
    await ageSession(t.store, cookie, { lastSeenAt: minutesAgo(31) });
    const res = await get('/api/v1/orgs/tree', cookie);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'SESSION_EXPIRED', message: '登录已超时，请重新登录' });
    await ageSession(t.store, cookie, { lastSeenAt: new Date() });
    expect((await get('/api/v1/auth/me', cookie)).statusCode).toBe(401);
  });

  it('keeps an active session alive: each request counts as activity', async () => {
    const cookie = await t.login('office');
    await ageSession(t.store, cookie, { lastSeenAt: minutesAgo(20) });
    expect((await get('/api/v1/auth/me', cookie)).statusCode).toBe(200);
    expect((await sessionOf(t.store, cookie)).lastSeenAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('401 SESSION_EXPIRED past the absolute expiry, however active', async () => {
    const cookie = await t.login('office');
    await ageSession(t.store, cookie, { expiresAt: new Date(Date.now() - 1000) });
    const res = await get('/api/v1/auth/me', cookie);
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('SESSION_EXPIRED');
  });
});

describe('session binding', () => {
  const from = (userAgent: string, cookie: string) =>
    t.request({ method: 'GET', url: '/api/v1/auth/me', cookie, headers: { 'user-agent': userAgent } });

  it('refuses the cookie from another browser and ends the session, audited; the same browser goes on', async () => {
    const phone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) MicroMessenger/8.0';
    const user = await newUser();
    const login = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: user.username, password: user.password },
      headers: { 'user-agent': phone },
    });
    expect(login.statusCode).toBe(200);
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    expect((await from(phone, cookie)).statusCode).toBe(200);
    expect((await from(phone, cookie)).statusCode).toBe(200);

    const taken = await from('curl/8.5.0', cookie);
    expect(taken.statusCode).toBe(401);
    expect(taken.json()).toMatchObject({ code: 'SESSION_CLIENT_CHANGED' });
    expect(taken.json().message).toContain('请重新登录');
    // The session is over for its own browser too: whoever holds the cookie must sign in again.
    expect((await from(phone, cookie)).json().code).toBe('UNAUTHENTICATED');

    const id = (await sessionOf(t.store, cookie)).id;
    const audit = (await get(`/api/v1/audit?action=auth.session_rejected&targetId=${id}`, auditor)).json();
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({ actorName: user.username, after: { reason: 'client_changed' } });
  });
});

describe('POST /api/v1/auth/password', () => {
  it('401 without a session', async () => {
    const res = await post('/api/v1/auth/password', {
      currentPassword: 'Demo-2026',
      newPassword: 'New-Pass-2026',
    });
    expect(res.statusCode).toBe(401);
  });

  it('400 for a weak new password, with the field and a Chinese message', async () => {
    const cookie = await t.login('office');
    const short = await post(
      '/api/v1/auth/password',
      { currentPassword: 'Demo-2026', newPassword: 'Ab1!' },
      cookie,
    );
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ path: 'newPassword', message: '密码至少 8 位' }],
    });
    const plain = await post(
      '/api/v1/auth/password',
      { currentPassword: 'Demo-2026', newPassword: 'abcdefgh1' },
      cookie,
    );
    expect(plain.json().fields).toEqual([
      { path: 'newPassword', message: '密码须包含大写字母、小写字母、数字、符号中的至少三类' },
    ]);
    const same = await post(
      '/api/v1/auth/password',
      { currentPassword: 'Demo-2026', newPassword: 'Demo-2026' },
      cookie,
    );
    expect(same.json().fields).toEqual([{ path: 'newPassword', message: '新密码不能与当前密码相同' }]);
  });

  it('400 WRONG_PASSWORD when the current password is wrong, and nothing changes', async () => {
    const user = await newUser();
    const cookie = await t.login(user.username, user.password);
    const res = await post(
      '/api/v1/auth/password',
      { currentPassword: 'Not-It-2026', newPassword: 'New-Pass-2026' },
      cookie,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'WRONG_PASSWORD',
      message: '当前密码不正确，还可尝试 4 次，之后账户将被锁定',
      fields: [{ path: 'currentPassword' }],
    });
    expect(
      (await post('/api/v1/auth/login', { username: user.username, password: user.password })).statusCode,
    ).toBe(200);
  });

  it('changes the password, signs out the other sessions but keeps this one, and lifts the must-change flag', async () => {
    const user = await createUser(t.store, {
      role: 'committee_admin',
      scopeKind: 'all',
      mustChangePassword: true,
    });
    const [phone, laptop] = [
      await t.login(user.username, user.password),
      await t.login(user.username, user.password),
    ];
    expect((await get('/api/v1/orgs/tree', laptop)).statusCode).toBe(403);
    const res = await post(
      '/api/v1/auth/password',
      { currentPassword: user.password, newPassword: 'New-Pass-2026' },
      laptop,
    );
    expect(res.statusCode).toBe(204);

    expect((await get('/api/v1/auth/me', phone)).statusCode).toBe(401);
    expect((await get('/api/v1/orgs/tree', laptop)).statusCode).toBe(200);
    const [row] = await t.store.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.mustChangePassword).toBe(false);
    expect(
      (await post('/api/v1/auth/login', { username: user.username, password: user.password })).statusCode,
    ).toBe(401);
    expect(await t.login(user.username, 'New-Pass-2026')).toMatch(/^nx_session=/);

    const audit = (
      await get(`/api/v1/audit?action=auth.password_changed&targetId=${user.id}`, auditor)
    ).json();
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({ actorName: user.username, after: { otherSessionsRevoked: 1 } });
    expect(JSON.stringify(audit)).not.toContain('New-Pass-2026');
  });
});

describe('GET /api/v1/auth/sessions', () => {
  it('401 without a session', async () => {
    expect((await get('/api/v1/auth/sessions')).statusCode).toBe(401);
  });

  it("lists the user's live sessions, newest activity first, marking the current one", async () => {
    const user = await newUser();
    const first = await t.login(user.username, user.password);
    const second = await t.login(user.username, user.password);
    await ageSession(t.store, first, { lastSeenAt: minutesAgo(5) });
    const res = await get('/api/v1/auth/sessions', second);
    expect(res.statusCode).toBe(200);
    const { items } = res.json();
    expect(items).toHaveLength(2);
    expect(items.map((s: { id: number }) => s.id)).toEqual([
      (await sessionOf(t.store, second)).id,
      (await sessionOf(t.store, first)).id,
    ]);
    expect(items.map((s: { current: boolean }) => s.current)).toEqual([true, false]);
    expect(items[0]).toMatchObject({ ip: '127.0.0.1', userAgent: 'lightMyRequest' });
  });

  it('leaves out sessions that are signed out, idle too long or past their expiry', async () => {
    const user = await newUser();
    const [current, idle, expired, out] = await Promise.all(
      [1, 2, 3, 4].map(() => t.login(user.username, user.password)),
    );
    await ageSession(t.store, idle!, { lastSeenAt: minutesAgo(31) });
    await ageSession(t.store, expired!, { expiresAt: minutesAgo(1) });
    await post('/api/v1/auth/logout', undefined, out);
    const { items } = (await get('/api/v1/auth/sessions', current)).json();
    expect(items.map((s: { id: number }) => s.id)).toEqual([(await sessionOf(t.store, current!)).id]);
  });
});

describe('DELETE /api/v1/auth/sessions/:id', () => {
  it('401 and 400', async () => {
    expect((await del('/api/v1/auth/sessions/1')).statusCode).toBe(401);
    const res = await del('/api/v1/auth/sessions/abc', await t.login('office'));
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].path).toBe('id');
  });

  it('signs out another session of the same user, audited', async () => {
    const user = await newUser();
    const here = await t.login(user.username, user.password);
    const there = await t.login(user.username, user.password);
    const id = (await sessionOf(t.store, there)).id;
    expect((await del(`/api/v1/auth/sessions/${id}`, here)).statusCode).toBe(204);
    expect((await get('/api/v1/auth/me', there)).statusCode).toBe(401);
    expect((await get('/api/v1/auth/me', here)).statusCode).toBe(200);
    const again = await del(`/api/v1/auth/sessions/${id}`, here);
    expect(again.statusCode).toBe(404);
    const audit = (await get(`/api/v1/audit?action=auth.session_revoked&targetId=${id}`, auditor)).json();
    expect(audit.items[0]).toMatchObject({ actorName: user.username, targetType: 'session' });
  });

  it("404 for someone else's session, which stays signed in", async () => {
    const victim = await t.login('tongzhou');
    const id = (await sessionOf(t.store, victim)).id;
    const res = await del(`/api/v1/auth/sessions/${id}`, await t.login('office'));
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
    expect((await get('/api/v1/auth/me', victim)).statusCode).toBe(200);
  });
});
