import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, faultyFields, type TestApp } from '../../../test/app';
import { createUser, expireLoginLock, uniqueUsername } from '../../../test/factories';
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
const post = (url: string, payload?: object, cookie?: string, headers?: Record<string, string>) =>
  t.request({ method: 'POST', url, ...(payload ? { payload } : {}), ...(cookie ? { cookie } : {}), headers });
const login = (username: string, password: string, headers?: Record<string, string>) =>
  post('/api/v1/auth/login', { username, password }, undefined, headers);
const auditOf = async (query: string) => (await get(`/api/v1/audit?${query}`, auditor)).json().items;
const cookieOf = (res: { headers: Record<string, unknown> }) => {
  const raw = res.headers['set-cookie'];
  return String(Array.isArray(raw) ? raw[0] : raw);
};

describe('POST /api/v1/auth/login', () => {
  it('400 for a body without a username or password', async () => {
    const res = await post('/api/v1/auth/login', { username: '  ' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(faultyFields(res)).toEqual(['password', 'username']);
  });

  it('signs in, setting an httpOnly SameSite=Lax session cookie, not Secure over plain http', async () => {
    const res = await login('office', 'Demo-2026', { 'x-forwarded-proto': 'https' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      user: { username: 'office', displayName: '流动党委办公室', mustChangePassword: false },
      roles: [{ role: 'committee_admin', scopeLabel: '全部' }],
      session: { idleTimeoutMinutes: 30 },
    });
    const cookie = cookieOf(res);
    expect(cookie).toMatch(/^nx_session=[\w-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toContain('Secure'); // x-forwarded-proto is not trusted without TRUST_PROXY
    const me = await get('/api/v1/auth/me', cookie.split(';')[0]);
    expect(me.json().user.username).toBe('office');
  });

  it('accepts the username in any case and with spaces around it', async () => {
    expect((await login('  OFFICE ', 'Demo-2026')).statusCode).toBe(200);
  });

  it('answers a wrong password with 401 and the attempts left, in Chinese', async () => {
    const user = await createUser(t.store, { role: 'committee_admin', scopeKind: 'all' });
    const first = await login(user.username, 'Wrong-Pass-1');
    expect(first.statusCode).toBe(401);
    expect(first.json()).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      message: '用户名或密码错误，还可尝试 4 次',
      details: { remainingAttempts: 4 },
    });
    expect(first.headers['set-cookie']).toBeUndefined();
    expect((await login(user.username, 'Wrong-Pass-1')).json().message).toBe(
      '用户名或密码错误，还可尝试 3 次',
    );
    // A success resets the count.
    expect((await login(user.username, user.password)).statusCode).toBe(200);
    expect((await login(user.username, 'Wrong-Pass-1')).json().message).toBe(
      '用户名或密码错误，还可尝试 4 次',
    );
  });

  it('locks after 5 failures, refuses even the right password until the lock passes, and audits it all', async () => {
    const user = await createUser(t.store, { role: 'committee_admin', scopeKind: 'all' });
    for (let i = 0; i < 4; i++) expect((await login(user.username, 'Wrong-Pass-1')).statusCode).toBe(401);
    const fifth = await login(user.username, 'Wrong-Pass-1');
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json()).toMatchObject({
      code: 'ACCOUNT_LOCKED',
      message: '连续 5 次密码错误，账户已锁定，请 15 分钟后再试',
    });
    const right = await login(user.username, user.password);
    expect(right.statusCode).toBe(429);
    expect(right.json().code).toBe('ACCOUNT_LOCKED');
    expect(right.headers['set-cookie']).toBeUndefined();

    await expireLoginLock(t.store, user.username);
    expect((await login(user.username, user.password)).statusCode).toBe(200);

    const rows = await auditOf(`actor=${user.username}&limit=20`);
    expect(rows.map((r: { action: string }) => r.action)).toEqual([
      'auth.login',
      'auth.login_failed',
      'auth.locked',
      'auth.login_failed',
      'auth.login_failed',
      'auth.login_failed',
      'auth.login_failed',
      'auth.login_failed',
    ]);
    expect(rows[0]).toMatchObject({ actorId: user.id, targetType: 'session', actionLabel: '登录' });
    expect(rows[1].after).toEqual({ reason: 'locked' });
    expect(rows[2].after.until).toEqual(expect.any(String));
    expect(rows[7].after).toEqual({ reason: 'bad_credentials' });
    const log = JSON.stringify(await auditOf('limit=200'));
    expect(log).not.toContain(user.password);
    expect(log).not.toContain('Wrong-Pass-1');
    expect(log).not.toContain('password_hash');
  });

  it('cannot be outrun by guessing in parallel: the fifth failure locks, whatever the interleaving', async () => {
    const user = await createUser(t.store, { role: 'committee_admin', scopeKind: 'all' });
    const results = await Promise.all(Array.from({ length: 8 }, () => login(user.username, 'Wrong-Pass-1')));
    expect(results.map((r) => r.statusCode).sort()).toEqual([401, 401, 401, 401, 429, 429, 429, 429]);
    const messages = results.filter((r) => r.statusCode === 401).map((r) => r.json().message);
    expect(messages.sort()).toEqual([1, 2, 3, 4].map((n) => `用户名或密码错误，还可尝试 ${n} 次`));
  });

  it('gives an unknown username exactly the same answers, lock included', async () => {
    const known = await createUser(t.store, { role: 'committee_admin', scopeKind: 'all' });
    const ghost = uniqueUsername('ghost');
    for (let i = 0; i < 5; i++) {
      const a = await login(known.username, 'Wrong-Pass-1');
      const b = await login(ghost, 'Wrong-Pass-1');
      expect(b.statusCode).toBe(a.statusCode);
      const { details: da, ...pa } = a.json();
      const { details: db, ...pb } = b.json();
      expect(pb).toEqual(pa);
      expect(Object.keys(db)).toEqual(Object.keys(da));
    }
    const locked = await login(ghost, 'Whatever-1');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().message).toBe((await login(known.username, known.password)).json().message);
    const rows = await auditOf(`actor=${ghost}`);
    expect(rows.map((r: { action: string }) => r.action)).toContain('auth.locked');
    expect(rows.every((r: { actorId: number | null }) => r.actorId === null)).toBe(true);
  });
});

describe('POST /api/v1/auth/logout', () => {
  it('401 without a session', async () => {
    const res = await post('/api/v1/auth/logout');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('UNAUTHENTICATED');
  });

  it('ends the session: the cookie is cleared, and no longer works if replayed', async () => {
    const cookie = await t.login('office');
    const res = await post('/api/v1/auth/logout', undefined, cookie);
    expect(res.statusCode).toBe(204);
    expect(cookieOf(res)).toMatch(/^nx_session=;.*Expires=Thu, 01 Jan 1970/);
    expect((await get('/api/v1/auth/me', cookie)).statusCode).toBe(401);
    const [row] = await auditOf('actor=office&action=auth.logout');
    expect(row).toMatchObject({ actorName: 'office', targetType: 'session', actionLabel: '退出登录' });
  });
});

describe('GET /api/v1/auth/me', () => {
  it('401 without a session or with an unknown cookie', async () => {
    expect((await get('/api/v1/auth/me')).statusCode).toBe(401);
    const res = await get('/api/v1/auth/me', 'nx_session=forged-token');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'UNAUTHENTICATED', message: '请先登录' });
  });

  it('tells the UI who is signed in, the roles with their scope, and what they may do', async () => {
    const res = await get('/api/v1/auth/me', await t.login('tongzhou'));
    expect(res.statusCode).toBe(200);
    const me = res.json();
    expect(me.user).toMatchObject({ username: 'tongzhou', mustChangePassword: false });
    expect(me.roles).toEqual([
      expect.objectContaining({
        role: 'secretary',
        roleLabel: '书记',
        scopeLabel: '驻北京通州区流动党委及下级',
      }),
    ]);
    expect(me.permissions).toEqual(
      expect.arrayContaining(['member.read', 'member.write', 'org.read', 'org.write']),
    );
    expect(me.permissions).not.toContain('user.read');
    expect(me.permissions).not.toContain('audit.read');
    expect(me.permissions).toEqual([...me.permissions].sort());
    expect(new Date(me.session.expiresAt).getTime()).toBeGreaterThan(Date.now() + 11.9 * 3_600_000);
    const audit = (await get('/api/v1/auth/me', auditor)).json();
    expect(audit.permissions).toEqual(['audit.read']);
  });

  it('stays open, with logout and password change, to a user who must change the password', async () => {
    const user = await createUser(t.store, {
      role: 'committee_admin',
      scopeKind: 'all',
      mustChangePassword: true,
    });
    const cookie = await t.login(user.username, user.password);
    const tree = await get('/api/v1/orgs/tree', cookie);
    expect(tree.statusCode).toBe(403);
    expect(tree.json()).toMatchObject({
      code: 'PASSWORD_CHANGE_REQUIRED',
      message: '首次登录、密码已重置或已过期，请先修改密码',
    });
    expect((await get('/api/v1/auth/sessions', cookie)).json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    const me = await get('/api/v1/auth/me', cookie);
    expect(me.statusCode).toBe(200);
    expect(me.json().user.mustChangePassword).toBe(true);
    expect((await post('/api/v1/auth/logout', undefined, cookie)).statusCode).toBe(204);
  });
});

describe('password expiry (setting auth.passwordMaxAgeDays)', () => {
  const ageBack = (id: number, days: number) =>
    t.store.db
      .update(users)
      .set({ passwordChangedAt: sql`now() - make_interval(days => ${days})` })
      .where(eq(users.id, id));
  const setMaxAge = async (value: number) => {
    const office = await t.login('office');
    const url = '/api/v1/settings/auth.passwordMaxAgeDays';
    const { version } = (await get(url, office)).json();
    const res = await t.request({ method: 'PUT', url, payload: { value, version }, cookie: office });
    expect(res.statusCode).toBe(200);
  };

  it('a password older than the setting (90 days by default) must be changed at the next sign-in, audited', async () => {
    const user = await createUser(t.store, { role: 'committee_admin', scopeKind: 'all' });
    await ageBack(user.id, 89);
    const fresh = await login(user.username, user.password);
    expect(fresh.json().user.mustChangePassword).toBe(false);
    await ageBack(user.id, 91);
    const res = await login(user.username, user.password);
    expect(res.statusCode).toBe(200);
    expect(res.json().user.mustChangePassword).toBe(true);
    const tree = await get('/api/v1/orgs/tree', cookieOf(res));
    expect(tree.json()).toMatchObject({
      code: 'PASSWORD_CHANGE_REQUIRED',
      message: '首次登录、密码已重置或已过期，请先修改密码',
    });
    const [entry] = await auditOf(`action=auth.password_expired&actor=${user.username}`);
    expect(entry).toMatchObject({ action: 'auth.password_expired', after: { maxAgeDays: 90 } });
    const changed = await post(
      '/api/v1/auth/password',
      { currentPassword: user.password, newPassword: 'Renewed-2026!' },
      cookieOf(res),
    );
    expect(changed.statusCode).toBe(204);
    const again = await login(user.username, 'Renewed-2026!');
    expect(again.json().user.mustChangePassword).toBe(false);
  });

  it('0 turns expiry off', async () => {
    await setMaxAge(0);
    const user = await createUser(t.store, { role: 'committee_admin', scopeKind: 'all' });
    await ageBack(user.id, 400);
    const res = await login(user.username, user.password);
    expect(res.json().user.mustChangePassword).toBe(false);
    await setMaxAge(90);
  });
});

describe('CSRF: state-changing requests must come from the same origin', () => {
  it('403 for a POST whose Origin is another site, before it is even authenticated', async () => {
    const cookie = await t.login('office');
    const evil = await post('/api/v1/auth/logout', undefined, cookie, { origin: 'http://evil.example' });
    expect(evil.statusCode).toBe(403);
    expect(evil.json()).toMatchObject({ code: 'CSRF_REJECTED', message: '跨站请求已被拒绝' });
    const forgedLogin = await login('office', 'Demo-2026', { origin: 'http://evil.example' });
    expect(forgedLogin.statusCode).toBe(403);
    expect(forgedLogin.headers['set-cookie']).toBeUndefined();
    expect((await get('/api/v1/auth/me', cookie)).statusCode).toBe(200); // still signed in
  });

  it('403 for Sec-Fetch-Site: cross-site and for Origin: null', async () => {
    const site = await login('office', 'Demo-2026', { 'sec-fetch-site': 'cross-site' });
    expect(site.statusCode).toBe(403);
    expect(site.json().code).toBe('CSRF_REJECTED');
    expect((await login('office', 'Demo-2026', { origin: 'null' })).statusCode).toBe(403);
  });

  it('allows the same origin, with or without the default port, and same-origin fetches', async () => {
    const same = { host: 'ningxin.example:3000', origin: 'http://ningxin.example:3000' };
    expect((await login('office', 'Demo-2026', same)).statusCode).toBe(200);
    const defaultPort = { host: 'ningxin.example:80', origin: 'http://ningxin.example' };
    expect((await login('office', 'Demo-2026', defaultPort)).statusCode).toBe(200);
    expect((await login('office', 'Demo-2026', { 'sec-fetch-site': 'same-origin' })).statusCode).toBe(200);
    // A look-alike host is another site.
    const lookalike = { host: 'ningxin.example', origin: 'http://ningxin.example.evil.example' };
    expect((await login('office', 'Demo-2026', lookalike)).statusCode).toBe(403);
  });

  it('cannot be side-stepped by percent-encoding the path', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/%61pi/v1/auth/login',
      payload: { username: 'office', password: 'Demo-2026' },
      headers: { origin: 'http://evil.example' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.headers['set-cookie']).toBeUndefined();
  });
});
