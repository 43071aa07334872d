import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, faultyFields, type TestApp } from '../../../test/app';
import { createUser } from '../../../test/factories';

let t: TestApp;
let auditor: string;
let security: string;

beforeAll(async () => {
  // As deployed: administrators must sign in with a second factor.
  t = await createTestApp({ ADMIN_TWO_FACTOR: 'required' });
  auditor = await t.login('auditor');
  security = await t.login('security');
  for (const cookie of [auditor, security]) {
    const { secret } = (await post('/api/v1/auth/two-factor/setup', undefined, cookie)).json();
    await post('/api/v1/auth/two-factor/enable', { code: await codeOf(secret) }, cookie);
  }
});
afterAll(() => t.close());

const post = (url: string, payload?: object, cookie?: string) =>
  t.request({ method: 'POST', url, ...(payload ? { payload } : {}), ...(cookie ? { cookie } : {}) });
const get = (url: string, cookie: string) => t.request({ method: 'GET', url, cookie });
const login = (username: string, password: string, otp?: string) =>
  post('/api/v1/auth/login', { username, password, ...(otp ? { otp } : {}) });
/** The code an authenticator app shows for the secret, `steps` periods from now. */
const codeOf = (secret: string, steps = 0) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });
const auditOf = async (query: string) => (await get(`/api/v1/audit?${query}`, auditor)).json().items;

/** A fresh account with the second factor on: its secret and recovery codes. */
async function enrolled() {
  const user = await createUser(t.store, { role: 'committee_admin', scopeKind: 'all' });
  const cookie = await t.login(user.username, user.password);
  const { secret } = (await post('/api/v1/auth/two-factor/setup', undefined, cookie)).json();
  const on = await post('/api/v1/auth/two-factor/enable', { code: await codeOf(secret) }, cookie);
  expect(on.statusCode).toBe(200);
  return { user, cookie, secret, recoveryCodes: on.json().recoveryCodes as string[] };
}

describe('POST /api/v1/auth/two-factor/{setup,enable,disable}', () => {
  it('401 without a session', async () => {
    for (const step of ['setup', 'enable', 'disable'])
      expect((await post(`/api/v1/auth/two-factor/${step}`, { code: '123456' })).statusCode).toBe(401);
  });

  it('403 until a new account has changed its password', async () => {
    const user = await createUser(t.store, { role: 'secretary', scopeKind: 'all', mustChangePassword: true });
    const cookie = await t.login(user.username, user.password);
    const res = await post('/api/v1/auth/two-factor/setup', undefined, cookie);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
  });

  it('400 for a code that is not 6 digits, naming the field', async () => {
    const cookie = await t.login('office');
    const res = await post('/api/v1/auth/two-factor/enable', { code: '12a45' }, cookie);
    expect(res.statusCode).toBe(400);
    expect(faultyFields(res)).toEqual(['code']);
    expect(res.json().fields[0].message).toBe('动态码应为 6 位数字');
    const disable = await post('/api/v1/auth/two-factor/disable', { password: 'x' }, cookie);
    expect(faultyFields(disable)).toEqual(['otp']);
  });

  it('turns on only with a code of the new secret, answers ten recovery codes once, and is audited', async () => {
    const user = await createUser(t.store, { role: 'committee_admin', scopeKind: 'all' });
    const cookie = await t.login(user.username, user.password);
    expect((await post('/api/v1/auth/two-factor/enable', { code: '123456' }, cookie)).json().code).toBe(
      'TWO_FACTOR_NOT_STARTED',
    );
    const setup = (await post('/api/v1/auth/two-factor/setup', undefined, cookie)).json();
    expect(setup.otpauthUrl).toBe(
      `otpauth://totp/%E5%87%9D%E5%BF%83:${user.username}?secret=${setup.secret}&issuer=%E5%87%9D%E5%BF%83`,
    );
    expect(setup.qrSvg).toMatch(/^<svg/);
    const wrong = await post(
      '/api/v1/auth/two-factor/enable',
      { code: await codeOf(setup.secret, 5) },
      cookie,
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'OTP_INVALID', fields: [{ path: 'code' }] });
    expect((await get('/api/v1/auth/me', cookie)).json().user.twoFactor).toBe(false);

    const on = await post('/api/v1/auth/two-factor/enable', { code: await codeOf(setup.secret) }, cookie);
    expect(on.statusCode).toBe(200);
    const codes: string[] = on.json().recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect((await get('/api/v1/auth/me', cookie)).json().user.twoFactor).toBe(true);
    expect((await post('/api/v1/auth/two-factor/setup', undefined, cookie)).json().code).toBe(
      'TWO_FACTOR_ON',
    );
    const [entry] = await auditOf(`action=auth.two_factor_enabled&actor=${user.username}`);
    expect(entry).toMatchObject({ targetType: 'user', targetId: String(user.id) });
    expect(JSON.stringify(entry)).not.toContain(setup.secret);
  });
});

describe('signing in with the second factor', () => {
  it('asks for the code, refuses a wrong or replayed one (counting toward the lock), accepts a current one', async () => {
    const { user, secret } = await enrolled();
    const bare = await login(user.username, user.password);
    expect(bare.statusCode).toBe(401);
    expect(bare.json()).toMatchObject({ code: 'OTP_REQUIRED', fields: [{ path: 'otp' }] });
    expect(bare.headers['set-cookie']).toBeUndefined();

    const wrong = await login(user.username, user.password, await codeOf(secret, 4));
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ code: 'OTP_INVALID', details: { remainingAttempts: 4 } });
    // The code that turned the factor on was taken: the same step cannot sign in.
    const replay = await login(user.username, user.password, await codeOf(secret));
    expect(replay.json()).toMatchObject({ code: 'OTP_INVALID', details: { remainingAttempts: 3 } });

    const next = await login(user.username, user.password, await codeOf(secret, 1));
    expect(next.statusCode).toBe(200);
    expect(next.json().user).toMatchObject({ username: user.username, twoFactor: true });
    const failures = await auditOf(`action=auth.login_failed&actor=${user.username}`);
    expect(failures.map((f: { after: { reason: string } }) => f.after.reason)).toEqual([
      'bad_otp',
      'bad_otp',
    ]);
  });

  it('takes each recovery code once, in any case and with or without the dash', async () => {
    const { user, recoveryCodes } = await enrolled();
    const code = recoveryCodes[3]!;
    const typed = code.replace('-', '').toUpperCase();
    const first = await login(user.username, user.password, typed);
    expect(first.statusCode).toBe(200);
    const again = await login(user.username, user.password, code);
    expect(again.json().code).toBe('OTP_INVALID');
    const [used] = await auditOf(`action=auth.recovery_code_used&actor=${user.username}`);
    expect(used).toMatchObject({ targetId: String(user.id) });
  });

  it('turns off with the password and a code, after which the password alone signs in', async () => {
    const { user, cookie, secret } = await enrolled();
    const badPassword = await post(
      '/api/v1/auth/two-factor/disable',
      { password: 'Wrong-Pass-1', otp: await codeOf(secret, 1) },
      cookie,
    );
    expect(badPassword.statusCode).toBe(400);
    expect(badPassword.json()).toMatchObject({ code: 'WRONG_PASSWORD', fields: [{ path: 'password' }] });
    const badCode = await post(
      '/api/v1/auth/two-factor/disable',
      { password: user.password, otp: await codeOf(secret, 6) },
      cookie,
    );
    expect(badCode.json()).toMatchObject({ code: 'OTP_INVALID', fields: [{ path: 'otp' }] });
    expect((await get('/api/v1/auth/me', cookie)).json().user.twoFactor).toBe(true);
    const off = await post(
      '/api/v1/auth/two-factor/disable',
      { password: user.password, otp: await codeOf(secret, 1) },
      cookie,
    );
    expect(off.statusCode).toBe(204);
    expect((await login(user.username, user.password)).statusCode).toBe(200);
  });
});

describe('administrators must turn the second factor on (ADMIN_TWO_FACTOR=required)', () => {
  it('lets an administrator without one do nothing but turn it on, then everything its role allows', async () => {
    const user = await createUser(t.store, { role: 'security_admin', scopeKind: 'all' });
    const cookie = await t.login(user.username, user.password);
    const me = (await get('/api/v1/auth/me', cookie)).json();
    expect(me.user).toMatchObject({ twoFactor: false, twoFactorRequired: true });
    const blocked = await get('/api/v1/users', cookie);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json()).toMatchObject({
      code: 'TWO_FACTOR_REQUIRED',
      message: '管理员账户须先开启两步验证，才能使用系统',
    });
    const { secret } = (await post('/api/v1/auth/two-factor/setup', undefined, cookie)).json();
    await post('/api/v1/auth/two-factor/enable', { code: await codeOf(secret) }, cookie);
    expect((await get('/api/v1/users', cookie)).statusCode).toBe(200);
    expect((await get('/api/v1/auth/me', cookie)).json().user.twoFactorRequired).toBe(false);
  });

  it('leaves business roles free to choose', async () => {
    const user = await createUser(t.store, { role: 'committee_admin', scopeKind: 'all' });
    const cookie = await t.login(user.username, user.password);
    expect((await get('/api/v1/auth/me', cookie)).json().user.twoFactorRequired).toBe(false);
    expect((await get('/api/v1/orgs/tree', cookie)).statusCode).toBe(200);
  });
});

describe('POST /api/v1/users/:id/two-factor/reset', () => {
  it('401 without a session, 403 for a business role, 400 for a malformed id', async () => {
    expect((await post('/api/v1/users/1/two-factor/reset')).statusCode).toBe(401);
    const office = await t.login('office');
    expect((await post('/api/v1/users/1/two-factor/reset', undefined, office)).statusCode).toBe(403);
    const bad = await post('/api/v1/users/abc/two-factor/reset', undefined, security);
    expect(bad.statusCode).toBe(400);
    expect(faultyFields(bad)).toEqual(['id']);
  });

  it('lets the security administrator forget a lost factor, signing the user out everywhere', async () => {
    const { user, cookie } = await enrolled();
    const reset = await post(`/api/v1/users/${user.id}/two-factor/reset`, undefined, security);
    expect(reset.statusCode).toBe(200);
    expect((await get('/api/v1/auth/me', cookie)).statusCode).toBe(401);
    const res = await login(user.username, user.password);
    expect(res.statusCode).toBe(200);
    expect(res.json().user.twoFactor).toBe(false);
    const again = await post(`/api/v1/users/${user.id}/two-factor/reset`, undefined, security);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'TWO_FACTOR_OFF', message: '该账户未开启两步验证' });
    expect((await post('/api/v1/users/999999/two-factor/reset', undefined, security)).statusCode).toBe(404);
    const [entry] = await auditOf(`action=user.two_factor_reset&targetId=${user.id}`);
    expect(entry).toMatchObject({ actorName: 'security', after: { sessionsEnded: 1 } });
  });
});
