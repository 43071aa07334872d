import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { createUser } from '../../../test/factories';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const get = (url: string, cookie?: string) =>
  t.request({ method: 'GET', url, ...(cookie ? { cookie } : {}) });

describe('GET /api/health', () => {
  it('answers without a session, naming the store of this run', async () => {
    const res = await get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(['pglite', 'postgres']).toContain(process.env.TEST_STORE);
    expect(res.json()).toEqual({ status: 'ok', store: process.env.TEST_STORE });
  });
});

describe('GET /api/v1/meta/divisions', () => {
  it('401 without a session, 403 before a required password change', async () => {
    const res = await get('/api/v1/meta/divisions');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('UNAUTHENTICATED');
    const user = await createUser(t.store, { role: 'member', scopeKind: 'self', mustChangePassword: true });
    const cookie = await t.login(user.username, user.password);
    expect((await get('/api/v1/meta/divisions', cookie)).json().code).toBe('PASSWORD_CHANGE_REQUIRED');
  });

  it('gives any signed-in user the home and host code tables, current divisions only', async () => {
    for (const name of ['kangbao', 'auditor']) {
      const res = await get('/api/v1/meta/divisions', await t.login(name));
      expect(res.statusCode).toBe(200);
      const { home, host } = res.json();
      expect(home).toMatchObject({ code: '130700', name: '张家口市' });
      expect(home.divisions).toHaveLength(16);
      expect(home.divisions).toContainEqual({ code: '130723', name: '康保县' });
      expect(home.divisions.map((d: { code: string }) => d.code)).not.toContain('130721'); // 宣化县, abolished
      expect(host).toMatchObject({ code: '110000', name: '北京市' });
      expect(host.divisions).toHaveLength(16);
      expect(host.divisions).toContainEqual({ code: '110112', name: '通州区' });
    }
  });
});
