import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, faultyFields, type TestApp } from '../../../test/app';
import { orgByName } from '../../../test/factories';

let t: TestApp;
let office: string;
let tongzhou: string;
let auditor: string;
let kangbao: string;
let tongzhouId: number;
let haidianId: number;

beforeAll(async () => {
  t = await createTestApp();
  [office, tongzhou, auditor, kangbao] = (await Promise.all(
    ['office', 'tongzhou', 'auditor', 'kangbao'].map((u) => t.login(u)),
  )) as [string, string, string, string];
  tongzhouId = (await orgByName(t.store, '驻北京通州区流动党委')).id;
  haidianId = (await orgByName(t.store, '驻北京海淀区流动党委')).id;
});
afterAll(() => t.close());

const get = (url: string, cookie?: string) =>
  t.request({ method: 'GET', url, ...(cookie ? { cookie } : {}) });
const post = (url: string, payload: object, cookie?: string) =>
  t.request({ method: 'POST', url, payload, ...(cookie ? { cookie } : {}) });
const patch = (url: string, payload: object, cookie?: string) =>
  t.request({ method: 'PATCH', url, payload, ...(cookie ? { cookie } : {}) });

describe('GET /api/v1/orgs/tree', () => {
  it('401 without a session', async () => {
    const res = await get('/api/v1/orgs/tree');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'UNAUTHENTICATED', message: '请先登录' });
  });

  it('403 for the audit admin, who holds no business data', async () => {
    const res = await get('/api/v1/orgs/tree', auditor);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
  });

  it('400 for a malformed query', async () => {
    const res = await get('/api/v1/orgs/tree?includeClosed=maybe', office);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'includeClosed' }] });
  });

  it('shows the committee admin the whole tree with its 17 second-level committees', async () => {
    const res = await get('/api/v1/orgs/tree', office);
    expect(res.statusCode).toBe(200);
    const { roots } = res.json();
    expect(roots).toHaveLength(1);
    expect(roots[0].name).toBe('中共张家口市驻京流动党员联合委员会');
    expect(roots[0].children).toHaveLength(17);
    for (const sub of roots[0].children) {
      expect(sub.kind).toBe('sub_committee');
      expect(sub.children.length).toBeGreaterThanOrEqual(3);
      expect(sub.children.length).toBeLessThanOrEqual(8);
    }
  });

  it('shows the Tongzhou secretary only the Tongzhou subtree', async () => {
    const { roots, total } = (await get('/api/v1/orgs/tree', tongzhou)).json();
    expect(roots).toHaveLength(1);
    expect(roots[0].id).toBe(tongzhouId);
    expect(roots[0].name).toBe('驻北京通州区流动党委');
    expect(total).toBe(1 + roots[0].children.length);
    const names = JSON.stringify(roots);
    expect(names).not.toContain('海淀');
  });

  it('shows a home-side viewer the shape of the whole tree', async () => {
    const { roots } = (await get('/api/v1/orgs/tree', kangbao)).json();
    expect(roots[0].children).toHaveLength(17);
  });
});

describe('GET /api/v1/orgs/:id', () => {
  it('401, 403 and 400', async () => {
    expect((await get(`/api/v1/orgs/${tongzhouId}`)).statusCode).toBe(401);
    expect((await get(`/api/v1/orgs/${tongzhouId}`, auditor)).statusCode).toBe(403);
    const bad = await get('/api/v1/orgs/abc', office);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].path).toBe('id');
  });

  it('answers 404 to the Tongzhou secretary asking for the Haidian committee, as if it did not exist', async () => {
    const res = await get(`/api/v1/orgs/${haidianId}`, tongzhou);
    expect(res.statusCode).toBe(404);
    const missing = await get('/api/v1/orgs/999999', tongzhou);
    expect(missing.statusCode).toBe(404);
    expect(res.json()).toEqual(missing.json());
  });

  it('returns the org with positions, breadcrumb within scope and what the actor may do', async () => {
    const res = await get(`/api/v1/orgs/${tongzhouId}`, tongzhou);
    expect(res.statusCode).toBe(200);
    const org = res.json();
    expect(org).toMatchObject({
      name: '驻北京通州区流动党委',
      kind: 'sub_committee',
      kindLabel: '二级流动党委',
      hostDistrict: '110112',
      hostDistrictName: '通州区',
      status: 'active',
      policies: { update: true, createChild: true, move: false, close: false },
    });
    expect(org.ancestors).toEqual([]); // the top committee is outside the secretary's scope
    expect(org.positions.map((p: { titleLabel: string }) => p.titleLabel)).toEqual(
      expect.arrayContaining(['书记', '副书记', '安全委员']),
    );
    const asOffice = (await get(`/api/v1/orgs/${tongzhouId}`, office)).json();
    expect(asOffice.ancestors).toEqual([
      { id: asOffice.parentId, name: '中共张家口市驻京流动党员联合委员会' },
    ]);
    expect(asOffice.policies).toEqual({ update: true, createChild: true, move: true, close: true });
    const asViewer = (await get(`/api/v1/orgs/${tongzhouId}`, kangbao)).json();
    expect(asViewer.policies).toEqual({ update: false, createChild: false, move: false, close: false });
  });
});

describe('POST /api/v1/orgs', () => {
  it('401, 403 and 400', async () => {
    const body = { parentId: tongzhouId, name: '测试流动党支部', kind: 'branch' };
    expect((await post('/api/v1/orgs', body)).statusCode).toBe(401);
    expect((await post('/api/v1/orgs', body, auditor)).statusCode).toBe(403);
    expect((await post('/api/v1/orgs', body, kangbao)).statusCode).toBe(403);
    const bad = await post('/api/v1/orgs', { parentId: tongzhouId, name: '', kind: 'club' }, office);
    expect(bad.statusCode).toBe(400);
    expect(faultyFields(bad)).toEqual(['kind', 'name']);
  });

  it('lets the Tongzhou secretary add a branch in Tongzhou, audited, but not in Haidian', async () => {
    const res = await post(
      '/api/v1/orgs',
      { parentId: tongzhouId, name: '快递外卖流动党支部', kind: 'branch' },
      tongzhou,
    );
    expect(res.statusCode).toBe(201);
    const branch = res.json();
    expect(branch).toMatchObject({
      name: '快递外卖流动党支部',
      kind: 'branch',
      parentId: tongzhouId,
      hostDistrict: '110112',
    });
    const tree = (await get('/api/v1/orgs/tree', tongzhou)).json();
    expect(tree.roots[0].children.map((c: { name: string }) => c.name)).toContain('快递外卖流动党支部');

    const denied = await post(
      '/api/v1/orgs',
      { parentId: haidianId, name: '越权支部', kind: 'branch' },
      tongzhou,
    );
    expect(denied.statusCode).toBe(404);
    expect(denied.json().fields[0].path).toBe('parentId');

    const audit = await t.request({
      method: 'GET',
      url: '/api/v1/audit?action=org.created',
      cookie: auditor,
    });
    expect(audit.json().items[0]).toMatchObject({ actorName: 'tongzhou', targetLabel: '快递外卖流动党支部' });
  });

  it('refuses a kind that cannot sit under the parent and a duplicate sibling name', async () => {
    const wrong = await post(
      '/api/v1/orgs',
      { parentId: tongzhouId, name: '错误层级', kind: 'sub_committee' },
      office,
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({
      code: 'ORG_KIND_NOT_ALLOWED',
      message: '二级流动党委下不能设立二级流动党委',
    });
    const dup = await post(
      '/api/v1/orgs',
      { parentId: tongzhouId, name: '建筑业流动党支部', kind: 'branch' },
      office,
    );
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'ORG_NAME_TAKEN', fields: [{ path: 'name' }] });
  });

  it('refuses a host district outside the host city', async () => {
    const root = await orgByName(t.store, '中共张家口市驻京流动党员联合委员会');
    const res = await post(
      '/api/v1/orgs',
      { parentId: root.id, name: '驻天津流动党委', kind: 'sub_committee', hostDistrict: '120101' },
      office,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'UNKNOWN_DIVISION', fields: [{ path: 'hostDistrict' }] });
  });
});

describe('PATCH /api/v1/orgs/:id', () => {
  it('401, 403 and 400', async () => {
    expect((await patch(`/api/v1/orgs/${tongzhouId}`, { name: '新名', version: 0 })).statusCode).toBe(401);
    expect(
      (await patch(`/api/v1/orgs/${tongzhouId}`, { name: '新名', version: 0 }, kangbao)).statusCode,
    ).toBe(403);
    const bad = await patch(`/api/v1/orgs/${tongzhouId}`, { name: '新名' }, office);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].path).toBe('version');
  });

  it('renames with the current version, and answers 409 to a stale one', async () => {
    const created = (
      await post('/api/v1/orgs', { parentId: tongzhouId, name: '待改名流动党支部', kind: 'branch' }, office)
    ).json();
    const ok = await patch(
      `/api/v1/orgs/${created.id}`,
      { name: '已改名流动党支部', version: created.version },
      tongzhou,
    );
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ name: '已改名流动党支部', version: created.version + 1 });
    const stale = await patch(
      `/api/v1/orgs/${created.id}`,
      { name: '再改名', version: created.version },
      office,
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    expect((await get(`/api/v1/orgs/${created.id}`, office)).json().name).toBe('已改名流动党支部');
  });

  it('answers 404 to a secretary editing an org outside the subtree', async () => {
    const res = await patch(`/api/v1/orgs/${haidianId}`, { name: '越权', version: 0 }, tongzhou);
    expect(res.statusCode).toBe(404);
  });
});

describe('POST /api/v1/orgs/:id/move', () => {
  it('401, 403 and 400', async () => {
    expect((await post(`/api/v1/orgs/${tongzhouId}/move`, { parentId: 1, version: 0 })).statusCode).toBe(401);
    expect(
      (await post(`/api/v1/orgs/${tongzhouId}/move`, { parentId: 1, version: 0 }, kangbao)).statusCode,
    ).toBe(403);
    expect(
      (await post(`/api/v1/orgs/${tongzhouId}/move`, { parentId: 'x', version: 0 }, office)).statusCode,
    ).toBe(400);
  });

  it('moves a branch with its groups to another committee, rewriting the paths below', async () => {
    const branch = (
      await post('/api/v1/orgs', { parentId: tongzhouId, name: '搬迁流动党支部', kind: 'branch' }, office)
    ).json();
    const group = (
      await post('/api/v1/orgs', { parentId: branch.id, name: '第一党小组', kind: 'group' }, office)
    ).json();
    const moved = await post(
      `/api/v1/orgs/${branch.id}/move`,
      { parentId: haidianId, version: branch.version },
      office,
    );
    expect(moved.statusCode).toBe(200);
    expect(moved.json().parentId).toBe(haidianId);
    // Now outside Tongzhou's scope, group and all.
    expect((await get(`/api/v1/orgs/${group.id}`, tongzhou)).statusCode).toBe(404);
    const haidianSecretary = await t.login('haidian');
    expect(
      (await get(`/api/v1/orgs/${group.id}`, haidianSecretary))
        .json()
        .ancestors.map((a: { name: string }) => a.name),
    ).toEqual(['驻北京海淀区流动党委', '搬迁流动党支部']);
  });

  it('refuses a move into its own subtree and a secretary moving the root of the scope', async () => {
    const branch = (
      await post('/api/v1/orgs', { parentId: tongzhouId, name: '循环流动党支部', kind: 'branch' }, office)
    ).json();
    const group = (
      await post('/api/v1/orgs', { parentId: branch.id, name: '循环党小组', kind: 'group' }, office)
    ).json();
    const cycle = await post(
      `/api/v1/orgs/${branch.id}/move`,
      { parentId: group.id, version: branch.version },
      office,
    );
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().code).toBe('ORG_MOVE_CYCLE');
    const own = (await get(`/api/v1/orgs/${tongzhouId}`, tongzhou)).json();
    const root = await post(
      `/api/v1/orgs/${tongzhouId}/move`,
      { parentId: haidianId, version: own.version },
      tongzhou,
    );
    expect(root.statusCode).toBe(403);
  });
});

describe('POST /api/v1/orgs/:id/close', () => {
  it('401, 403 and 400', async () => {
    expect((await post(`/api/v1/orgs/${tongzhouId}/close`, { reason: '合并', version: 0 })).statusCode).toBe(
      401,
    );
    expect(
      (await post(`/api/v1/orgs/${tongzhouId}/close`, { reason: '合并', version: 0 }, kangbao)).statusCode,
    ).toBe(403);
    const bad = await post(`/api/v1/orgs/${tongzhouId}/close`, { version: 0 }, office);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0]).toMatchObject({ path: 'reason' });
  });

  it('closes an empty branch, hides it from the tree unless asked, and refuses a committee with open branches', async () => {
    const branch = (
      await post('/api/v1/orgs', { parentId: tongzhouId, name: '撤销流动党支部', kind: 'branch' }, tongzhou)
    ).json();
    const closed = await post(
      `/api/v1/orgs/${branch.id}/close`,
      { reason: '党员已返乡', version: branch.version },
      tongzhou,
    );
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', closedReason: '党员已返乡' });
    const tree = JSON.stringify((await get('/api/v1/orgs/tree', tongzhou)).json());
    expect(tree).not.toContain('撤销流动党支部');
    const all = JSON.stringify((await get('/api/v1/orgs/tree?includeClosed=true', tongzhou)).json());
    expect(all).toContain('撤销流动党支部');
    const again = await patch(
      `/api/v1/orgs/${branch.id}`,
      { name: '复活', version: closed.json().version },
      tongzhou,
    );
    expect(again.statusCode).toBe(409);

    const busy = (await get(`/api/v1/orgs/${haidianId}`, office)).json();
    const refused = await post(
      `/api/v1/orgs/${haidianId}/close`,
      { reason: '测试', version: busy.version },
      office,
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('ORG_HAS_ACTIVE_CHILDREN');
  });
});
