import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { createUser, uniqueUsername } from '../../../test/factories';

let t: TestApp;
let admin: string;
let security: string;
let office: string;
let auditor: string;

beforeAll(async () => {
  t = await createTestApp();
  [admin, security, office, auditor] = await Promise.all([
    t.login('admin'),
    t.login('security'),
    t.login('office'),
    t.login('auditor'),
  ]);
});
afterAll(() => t.close());

const get = (url: string, cookie?: string) =>
  t.request({ method: 'GET', url, ...(cookie ? { cookie } : {}) });
const post = (url: string, payload?: object, cookie?: string) =>
  t.request({ method: 'POST', url, ...(payload ? { payload } : {}), ...(cookie ? { cookie } : {}) });
const login = (username: string, password: string) => post('/api/v1/auth/login', { username, password });
const lastAudit = async (action: string) =>
  (await get(`/api/v1/audit?action=${action}&limit=1`, auditor)).json().items[0];
const newAccount = (username = uniqueUsername('new')) => ({
  username,
  displayName: '张建国',
  password: 'First-Pass-2026',
});

describe('GET /api/v1/users', () => {
  it('401 and 403', async () => {
    expect((await get('/api/v1/users')).statusCode).toBe(401);
    for (const cookie of [office, auditor]) {
      const res = await get('/api/v1/users', cookie);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'FORBIDDEN', message: '没有权限执行此操作' });
    }
  });

  it('lists every account with its roles to the system and the security admin', async () => {
    for (const cookie of [admin, security]) {
      const res = await get('/api/v1/users', cookie);
      expect(res.statusCode).toBe(200);
      const byName = new Map(res.json().items.map((u: { username: string }) => [u.username, u]));
      expect(byName.get('kangbao')).toMatchObject({
        displayName: '康保县委组织部',
        disabled: false,
        lockedUntil: null,
        roles: [{ role: 'home_viewer', scope: { kind: 'home', division: '130723', divisionName: '康保县' } }],
      });
      expect(byName.get('xicheng')).toMatchObject({ roles: [{ scopeLabel: '西城区（流入地）' }] });
      expect(JSON.stringify(res.json())).not.toMatch(/passwordHash|password_hash|\$argon2/);
    }
  });
});

describe('POST /api/v1/users', () => {
  it('401, 403 and 400', async () => {
    expect((await post('/api/v1/users', newAccount())).statusCode).toBe(401);
    for (const cookie of [office, security, auditor]) {
      expect((await post('/api/v1/users', newAccount(), cookie)).statusCode).toBe(403);
    }
    const badName = await post('/api/v1/users', newAccount('张 三'), admin);
    expect(badName.statusCode).toBe(400);
    expect(badName.json().fields).toEqual([
      { path: 'username', message: '用户名只能包含字母、数字和 _ . @ -' },
    ]);
    const weak = await post('/api/v1/users', { ...newAccount(), password: 'password' }, admin);
    expect(weak.statusCode).toBe(400);
    expect(weak.json().fields).toEqual([
      { path: 'password', message: '密码须包含大写字母、小写字母、数字、符号中的至少三类' },
    ]);
  });

  it('creates an account that must change its password at first sign-in, audited without the password', async () => {
    const body = newAccount();
    const res = await post('/api/v1/users', body, admin);
    expect(res.statusCode).toBe(201);
    const user = res.json();
    expect(user).toMatchObject({
      username: body.username,
      displayName: '张建国',
      mustChangePassword: true,
      roles: [],
    });

    const cookie = (await login(body.username, body.password)).headers['set-cookie'] as string;
    const session = cookie.split(';')[0]!;
    const tree = await get('/api/v1/orgs/tree', session);
    expect(tree.statusCode).toBe(403);
    expect(tree.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    const changed = await post(
      '/api/v1/auth/password',
      { currentPassword: body.password, newPassword: 'Own-Pass-2026' },
      session,
    );
    expect(changed.statusCode).toBe(204);
    // No role yet: past the password gate, but the tree is still not theirs to see.
    expect((await get('/api/v1/orgs/tree', session)).json().code).toBe('FORBIDDEN');

    const audit = await lastAudit('user.created');
    expect(audit).toMatchObject({
      actorName: 'admin',
      targetId: String(user.id),
      targetLabel: body.username,
    });
    expect(JSON.stringify(audit)).not.toContain(body.password);
  });

  it('stores the username in lower case and 409 USERNAME_TAKEN for a taken one, in any case', async () => {
    const name = uniqueUsername('Mixed');
    expect((await post('/api/v1/users', newAccount(name), admin)).json().username).toBe(name.toLowerCase());
    const taken = await post('/api/v1/users', newAccount(name.toUpperCase()), admin);
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'USERNAME_TAKEN', fields: [{ path: 'username' }] });
    expect((await post('/api/v1/users', newAccount('Admin'), admin)).statusCode).toBe(409);
  });
});

describe('GET /api/v1/users/:id', () => {
  it('401, 403, 400 and 404', async () => {
    expect((await get('/api/v1/users/1')).statusCode).toBe(401);
    expect((await get('/api/v1/users/1', office)).statusCode).toBe(403);
    expect((await get('/api/v1/users/x', admin)).statusCode).toBe(400);
    expect((await get('/api/v1/users/999999', admin)).statusCode).toBe(404);
  });

  it('shows the account with its last sign-in', async () => {
    const user = await createUser(t.store, { role: 'committee_admin', scopeKind: 'all' });
    await login(user.username, user.password);
    const res = await get(`/api/v1/users/${user.id}`, security);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: user.id,
      username: user.username,
      roles: [{ role: 'committee_admin' }],
    });
    expect(Date.now() - new Date(res.json().lastLoginAt).getTime()).toBeLessThan(60_000);
  });
});

describe('POST /api/v1/users/:id/reset-password', () => {
  it('401, 403 and 400', async () => {
    const body = { password: 'Reset-Pass-2026' };
    expect((await post('/api/v1/users/1/reset-password', body)).statusCode).toBe(401);
    expect((await post('/api/v1/users/1/reset-password', body, security)).statusCode).toBe(403);
    expect((await post('/api/v1/users/1/reset-password', body, office)).statusCode).toBe(403);
    const weak = await post('/api/v1/users/1/reset-password', { password: 'short' }, admin);
    expect(weak.statusCode).toBe(400);
    expect(weak.json().fields).toEqual([{ path: 'password', message: '密码至少 8 位' }]);
    expect((await post('/api/v1/users/999999/reset-password', body, admin)).statusCode).toBe(404);
  });

  it('signs the user out everywhere, clears a lock, and makes the new password a first one', async () => {
    const user = await createUser(t.store, { role: 'committee_admin', scopeKind: 'all' });
    const session = await t.login(user.username, user.password);
    for (let i = 0; i < 5; i++) await login(user.username, 'Wrong-Pass-1');
    const res = await post(`/api/v1/users/${user.id}/reset-password`, { password: 'Reset-Pass-2026' }, admin);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ mustChangePassword: true, lockedUntil: null });
    expect((await get('/api/v1/auth/me', session)).statusCode).toBe(401);
    expect((await login(user.username, user.password)).statusCode).toBe(401);
    const fresh = await t.login(user.username, 'Reset-Pass-2026');
    expect((await get('/api/v1/orgs/tree', fresh)).json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    const audit = await lastAudit('user.password_reset');
    expect(audit).toMatchObject({ actorName: 'admin', targetId: String(user.id) });
    expect(JSON.stringify(audit)).not.toContain('Reset-Pass-2026');
  });
});

describe('POST /api/v1/users/:id/unlock', () => {
  it('401, 403 and 400', async () => {
    expect((await post('/api/v1/users/1/unlock')).statusCode).toBe(401);
    expect((await post('/api/v1/users/1/unlock', undefined, admin)).statusCode).toBe(403);
    expect((await post('/api/v1/users/1/unlock', undefined, office)).statusCode).toBe(403);
    expect((await post('/api/v1/users/x/unlock', undefined, security)).statusCode).toBe(400);
    expect((await post('/api/v1/users/999999/unlock', undefined, security)).statusCode).toBe(404);
  });

  it('lets the security admin lift a lock early, audited; 409 NOT_LOCKED when there is none', async () => {
    const user = await createUser(t.store, { role: 'committee_admin', scopeKind: 'all' });
    for (let i = 0; i < 5; i++) await login(user.username, 'Wrong-Pass-1');
    const locked = (await get(`/api/v1/users/${user.id}`, security)).json();
    expect(new Date(locked.lockedUntil).getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect((await login(user.username, user.password)).statusCode).toBe(429);

    const res = await post(`/api/v1/users/${user.id}/unlock`, undefined, security);
    expect(res.statusCode).toBe(200);
    expect(res.json().lockedUntil).toBeNull();
    expect((await login(user.username, user.password)).statusCode).toBe(200);
    expect(await lastAudit('user.unlocked')).toMatchObject({
      actorName: 'security',
      targetLabel: user.username,
    });

    const again = await post(`/api/v1/users/${user.id}/unlock`, undefined, security);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'NOT_LOCKED', message: '该账户当前未被锁定' });
  });
});
