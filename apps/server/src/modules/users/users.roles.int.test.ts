import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { createUser, orgByName, uniqueUsername } from '../../../test/factories';

let t: TestApp;
let admin: string;
let security: string;
let office: string;
let auditor: string;
let tongzhouId: number;

beforeAll(async () => {
  t = await createTestApp();
  [admin, security, office, auditor] = await Promise.all([
    t.login('admin'),
    t.login('security'),
    t.login('office'),
    t.login('auditor'),
  ]);
  tongzhouId = (await orgByName(t.store, '驻北京通州区流动党委')).id;
});
afterAll(() => t.close());

const get = (url: string, cookie?: string) =>
  t.request({ method: 'GET', url, ...(cookie ? { cookie } : {}) });
const post = (url: string, payload: object, cookie?: string) =>
  t.request({ method: 'POST', url, payload, ...(cookie ? { cookie } : {}) });
const del = (url: string, cookie?: string) =>
  t.request({ method: 'DELETE', url, ...(cookie ? { cookie } : {}) });
const assign = (userId: number, body: object, cookie = security) =>
  post(`/api/v1/users/${userId}/roles`, body, cookie);
const auditRows = async (query: string) => (await get(`/api/v1/audit?${query}`, auditor)).json().items;
/** An account with no role yet (a member, who may do nothing). */
const bareUser = () => createUser(t.store, { role: 'member', scopeKind: 'self' });
const idOf = async (username: string) =>
  (await get('/api/v1/users', security))
    .json()
    .items.find((u: { username: string }) => u.username === username).id;

describe('POST /api/v1/users/:id/roles', () => {
  it('401, 403 and 400', async () => {
    const user = await bareUser();
    const body = { role: 'committee_admin', scope: { kind: 'all' } };
    expect((await assign(user.id, body, '')).statusCode).toBe(401);
    for (const cookie of [admin, office, auditor]) {
      const res = await assign(user.id, body, cookie);
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
    const badRole = await assign(user.id, { role: 'king', scope: { kind: 'all' } });
    expect(badRole.statusCode).toBe(400);
    expect(badRole.json().fields[0].path).toBe('role');

    const wideSecretary = await assign(user.id, { role: 'secretary', scope: { kind: 'all' } });
    expect(wideSecretary.statusCode).toBe(400);
    expect(wideSecretary.json()).toMatchObject({
      code: 'SCOPE_NOT_ALLOWED',
      message: '书记不能按此范围授权',
      fields: [{ path: 'scope.kind' }],
    });
    const orgAdmin = await assign(user.id, {
      role: 'committee_admin',
      scope: { kind: 'org', orgId: tongzhouId },
    });
    expect(orgAdmin.json().code).toBe('SCOPE_NOT_ALLOWED');

    const beijingAsHome = await assign(user.id, {
      role: 'home_viewer',
      scope: { kind: 'home', division: '110102' },
    });
    expect(beijingAsHome.statusCode).toBe(400);
    expect(beijingAsHome.json()).toMatchObject({
      code: 'UNKNOWN_DIVISION',
      message: '行政区划代码 110102 不在本系统的代码表中',
      fields: [{ path: 'scope.division' }],
    });
    const noSuchCounty = await assign(user.id, {
      role: 'home_viewer',
      scope: { kind: 'home', division: '139999' },
    });
    expect(noSuchCounty.json().code).toBe('UNKNOWN_DIVISION');
    const malformed = await assign(user.id, {
      role: 'host_viewer',
      scope: { kind: 'host', division: '1101' },
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().fields[0]).toMatchObject({
      path: 'scope.division',
      message: '行政区划代码为 6 位数字',
    });
    const noOrg = await assign(user.id, { role: 'secretary', scope: { kind: 'org', orgId: 999999 } });
    expect(noOrg.statusCode).toBe(400);
    expect(noOrg.json()).toMatchObject({ code: 'ORG_NOT_FOUND', fields: [{ path: 'scope.orgId' }] });

    expect((await assign(999999, body)).statusCode).toBe(404);
    expect((await get(`/api/v1/users/${user.id}`, security)).json().roles).toEqual([
      expect.objectContaining({ role: 'member' }),
    ]);
  });

  it('makes a new secretary of Tongzhou see exactly the Tongzhou subtree, at once, audited', async () => {
    const user = await bareUser();
    const cookie = await t.login(user.username, user.password);
    expect((await get('/api/v1/orgs/tree', cookie)).statusCode).toBe(403);

    const res = await assign(user.id, { role: 'secretary', scope: { kind: 'org', orgId: tongzhouId } });
    expect(res.statusCode).toBe(200);
    expect(res.json().roles).toContainEqual(
      expect.objectContaining({
        role: 'secretary',
        scope: expect.objectContaining({ kind: 'org', orgId: tongzhouId, orgName: '驻北京通州区流动党委' }),
        scopeLabel: '驻北京通州区流动党委及下级',
      }),
    );
    const mine = (await get('/api/v1/orgs/tree', cookie)).json();
    const theirs = (await get('/api/v1/orgs/tree', await t.login('tongzhou'))).json();
    expect(mine.roots.map((r: { id: number }) => r.id)).toEqual([tongzhouId]);
    expect(mine).toEqual(theirs);

    const [row] = await auditRows(`action=role.assigned&targetId=${user.id}`);
    expect(row).toMatchObject({
      actorName: 'security',
      targetLabel: user.username,
      after: { role: 'secretary', scope: { kind: 'org', orgId: tongzhouId } },
    });
  });

  it('409 ROLE_ALREADY_ASSIGNED for the same role and scope twice, without an audit row', async () => {
    const user = await bareUser();
    const body = { role: 'home_viewer', scope: { kind: 'home', division: '130723' } };
    expect((await assign(user.id, body)).statusCode).toBe(200);
    const again = await assign(user.id, body);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ROLE_ALREADY_ASSIGNED');
    expect(await auditRows(`action=role.assigned&targetId=${user.id}`)).toHaveLength(1);
    // Another county is another assignment.
    expect((await assign(user.id, { ...body, scope: { kind: 'home', division: '130722' } })).statusCode).toBe(
      200,
    );
  });

  it('409 SEPARATED_ROLES: the three administrators are separate accounts holding no business role', async () => {
    const cases: [string, object][] = [
      ['admin', { role: 'security_admin', scope: { kind: 'all' } }],
      ['auditor', { role: 'system_admin', scope: { kind: 'all' } }],
      ['security', { role: 'committee_admin', scope: { kind: 'all' } }],
      ['office', { role: 'audit_admin', scope: { kind: 'all' } }],
      ['tongzhou', { role: 'system_admin', scope: { kind: 'all' } }],
    ];
    for (const [username, body] of cases) {
      const res = await assign(await idOf(username), body);
      expect(res.statusCode, `${username} ← ${JSON.stringify(body)}`).toBe(409);
      expect(res.json()).toMatchObject({
        code: 'SEPARATED_ROLES',
        message: '系统管理员、安全管理员、安全审计员须由不同账户担任，且不兼任业务角色',
      });
    }
    // The audit admin stays an auditor only: still no tree.
    expect((await get('/api/v1/orgs/tree', auditor)).statusCode).toBe(403);
    // Business roles do combine.
    const both = await assign(await idOf('kangbao'), {
      role: 'host_viewer',
      scope: { kind: 'host', division: '110102' },
    });
    expect(both.statusCode).toBe(200);
  });
});

describe('separated roles under concurrent requests', () => {
  it('lets only one of two administrator roles through when both are granted at once', async () => {
    for (let i = 0; i < 5; i++) {
      const body = {
        username: uniqueUsername('admin'),
        displayName: '新管理员',
        password: 'First-Pass-2026',
      };
      const user = (await post('/api/v1/users', body, admin)).json();
      expect(user.roles).toEqual([]);
      const [a, b] = await Promise.all([
        assign(user.id, { role: 'system_admin', scope: { kind: 'all' } }),
        assign(user.id, { role: 'audit_admin', scope: { kind: 'all' } }),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const roles = (await get(`/api/v1/users/${user.id}`, security)).json().roles;
      expect(roles.map((r: { role: string }) => r.role)).toHaveLength(1);
    }
  });
});

describe('DELETE /api/v1/users/:id/roles/:assignmentId', () => {
  it('401, 403, 400 and 404', async () => {
    const user = await createUser(t.store, { role: 'committee_admin', scopeKind: 'all' });
    const assignmentId = (await get(`/api/v1/users/${user.id}`, security)).json().roles[0].id;
    const url = `/api/v1/users/${user.id}/roles/${assignmentId}`;
    expect((await del(url)).statusCode).toBe(401);
    for (const cookie of [admin, office, auditor]) expect((await del(url, cookie)).statusCode).toBe(403);
    const bad = await del(`/api/v1/users/${user.id}/roles/abc`, security);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].path).toBe('assignmentId');
    // An assignment of another account is not found under this one.
    const other = (await get(`/api/v1/users/${await idOf('office')}`, security)).json().roles[0].id;
    expect((await del(`/api/v1/users/${user.id}/roles/${other}`, security)).statusCode).toBe(404);
    expect((await get('/api/v1/orgs/tree', office)).statusCode).toBe(200);
  });

  it('takes the role away at once, for sessions already open, audited with what was removed', async () => {
    const user = await createUser(t.store, { role: 'secretary', scopeKind: 'org', orgId: tongzhouId });
    const cookie = await t.login(user.username, user.password);
    expect((await get('/api/v1/orgs/tree', cookie)).statusCode).toBe(200);
    const assignmentId = (await get(`/api/v1/users/${user.id}`, security)).json().roles[0].id;

    const res = await del(`/api/v1/users/${user.id}/roles/${assignmentId}`, security);
    expect(res.statusCode).toBe(200);
    expect(res.json().roles).toEqual([]);
    expect((await get('/api/v1/orgs/tree', cookie)).statusCode).toBe(403);
    expect((await del(`/api/v1/users/${user.id}/roles/${assignmentId}`, security)).statusCode).toBe(404);

    const [row] = await auditRows(`action=role.revoked&targetId=${user.id}`);
    expect(row).toMatchObject({
      actorName: 'security',
      targetLabel: user.username,
      before: { role: 'secretary', scopeLabel: '驻北京通州区流动党委及下级' },
    });
  });
});
