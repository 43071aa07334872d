import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, faultyFields, type TestApp } from '../../../../test/app';
import { orgByName } from '../../../../test/factories';

let t: TestApp;
type User = 'office' | 'tongzhou' | 'haidian' | 'finder1' | 'kangbao' | 'auditor';
const c = {} as Record<User, string>;
let tongzhouId: number;
let haidianId: number;
const finder = {} as Record<'finder1' | 'finder2' | 'finder5' | 'finder6', number>;

const body = (over: Record<string, unknown> = {}) => ({
  name: '通州区寻找行动',
  orgId: tongzhouId,
  startsOn: '2026-03-01',
  endsOn: '2026-04-30',
  targetCount: 50,
  districts: ['110112'],
  areaNote: '梨园镇',
  finderIds: [finder.finder1, finder.finder5],
  ...over,
});

beforeAll(async () => {
  t = await createTestApp({}, { members: 150 });
  for (const u of ['office', 'tongzhou', 'haidian', 'finder1', 'kangbao', 'auditor'] as const)
    c[u] = await t.login(u);
  tongzhouId = (await orgByName(t.store, '驻北京通州区流动党委')).id;
  haidianId = (await orgByName(t.store, '驻北京海淀区流动党委')).id;
  for (const u of ['finder1', 'finder2', 'finder5', 'finder6'] as const)
    finder[u] = (await t.services.users.accountByUsername(t.store.db, u))!.id;
});
afterAll(() => t.close());

const post = (cookie: string | undefined, payload: unknown) =>
  t.request({ method: 'POST', url: '/api/v1/finding/campaigns', cookie, payload: payload as object });

describe('POST /finding/campaigns', () => {
  it('401 without a session, 403 for a finder or a home-side viewer', async () => {
    expect((await post(undefined, body())).statusCode).toBe(401);
    expect((await post(c.finder1, body())).statusCode).toBe(403);
    expect((await post(c.kangbao, body())).statusCode).toBe(403);
  });

  it('400 naming the fields: no name, a period that ends before it starts, a district outside Beijing', async () => {
    const res = await post(c.office, body({ name: '', endsOn: '2026-02-01' }));
    expect(res.statusCode).toBe(400);
    expect(faultyFields(res)).toEqual(['endsOn', 'name']);
    const district = await post(c.office, body({ districts: ['130723'] }));
    expect(district.statusCode).toBe(400);
    expect(faultyFields(district)).toEqual(['districts']);
  });

  it('a secretary creates a campaign for the subtree, not for another committee', async () => {
    const res = await post(c.tongzhou, body());
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      name: '通州区寻找行动',
      org: { id: tongzhouId },
      targetCount: 50,
      districtNames: ['通州区'],
      finders: [{ id: finder.finder1 }, { id: finder.finder5 }],
      counts: { leads: 0, found: 0 },
    });
    const other = await post(c.tongzhou, body({ orgId: haidianId }));
    expect(other.statusCode).toBe(400);
    expect(faultyFields(other)).toEqual(['orgId']);
  });

  it('names as finders only accounts holding the role finder that reach the campaign', async () => {
    const kangbao = (await t.services.users.accountByUsername(t.store.db, 'kangbao'))!.id;
    const res = await post(c.office, body({ finderIds: [kangbao] }));
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('FINDING_NOT_A_FINDER');
    // finder5 works for 通州: a campaign of 海淀 cannot name them.
    const hd = await post(c.office, body({ orgId: haidianId, finderIds: [finder.finder5] }));
    expect(hd.statusCode).toBe(400);
  });
});

describe('GET /finding/campaigns and /:id', () => {
  let tz: number;
  let hd: number;
  beforeAll(async () => {
    tz = (await post(c.office, body({ name: '通州春季行动' }))).json().id;
    hd = (
      await post(
        c.office,
        body({ name: '海淀春季行动', orgId: haidianId, districts: ['110108'], finderIds: [] }),
      )
    ).json().id;
  });

  it('401, 403 for those without finding.manage', async () => {
    expect((await t.request({ method: 'GET', url: '/api/v1/finding/campaigns' })).statusCode).toBe(401);
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/finding/campaigns', cookie: c.finder1 })).statusCode,
    ).toBe(403);
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/finding/campaigns/${tz}`, cookie: c.auditor }))
        .statusCode,
    ).toBe(403);
  });

  it('400 for a bad cursor or limit', async () => {
    const res = await t.request({
      method: 'GET',
      url: '/api/v1/finding/campaigns?limit=0',
      cookie: c.office,
    });
    expect(res.statusCode).toBe(400);
    expect(faultyFields(res)).toEqual(['limit']);
    const cur = await t.request({
      method: 'GET',
      url: '/api/v1/finding/campaigns?cursor=abc',
      cookie: c.office,
    });
    expect(cur.statusCode).toBe(400);
  });

  it('lists what is in the scope: the office all, a secretary of 通州 only 通州’s', async () => {
    const names = async (cookie: string) =>
      (await t.request({ method: 'GET', url: '/api/v1/finding/campaigns', cookie }))
        .json()
        .items.map((i: { name: string }) => i.name);
    expect(await names(c.office)).toEqual(expect.arrayContaining(['通州春季行动', '海淀春季行动']));
    const tzNames = await names(c.tongzhou);
    expect(tzNames).toContain('通州春季行动');
    expect(tzNames).not.toContain('海淀春季行动');
  });

  it('pages by keyset without repeats', async () => {
    const first = (
      await t.request({ method: 'GET', url: '/api/v1/finding/campaigns?limit=2', cookie: c.office })
    ).json();
    expect(first.items).toHaveLength(2);
    const second = (
      await t.request({
        method: 'GET',
        url: `/api/v1/finding/campaigns?limit=2&cursor=${first.nextCursor}`,
        cookie: c.office,
      })
    ).json();
    const ids = [...first.items, ...second.items].map((i: { id: number }) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('a secretary of 通州 cannot see another subtree’s campaign: 404 as for none', async () => {
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/finding/campaigns/${hd}`, cookie: c.tongzhou }))
        .statusCode,
    ).toBe(404);
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/finding/campaigns/${tz}`, cookie: c.tongzhou }))
        .statusCode,
    ).toBe(200);
    expect(
      (await t.request({ method: 'GET', url: `/api/v1/finding/campaigns/${tz}`, cookie: c.haidian }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await t.request({
          method: 'GET',
          url: `/api/v1/finding/campaigns/${hd}/progress`,
          cookie: c.tongzhou,
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('PATCH /finding/campaigns/:id', () => {
  let id: number;
  beforeAll(async () => {
    id = (await post(c.office, body({ name: '待修改行动' }))).json().id;
  });
  const patch = (cookie: string | undefined, payload: object) =>
    t.request({ method: 'PATCH', url: `/api/v1/finding/campaigns/${id}`, cookie, payload });

  it('401, 403, 400 without a version', async () => {
    expect((await patch(undefined, { version: 0 })).statusCode).toBe(401);
    expect((await patch(c.finder1, { version: 0 })).statusCode).toBe(403);
    const res = await patch(c.office, { targetCount: 10 });
    expect(res.statusCode).toBe(400);
    expect(faultyFields(res)).toEqual(['version']);
  });

  it('changes the target and the finders; a stale version gets 409', async () => {
    const res = await patch(c.tongzhou, {
      version: 0,
      targetCount: 80,
      finderIds: [finder.finder5, finder.finder6],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      targetCount: 80,
      version: 1,
      finders: [{ id: finder.finder5 }, { id: finder.finder6 }],
    });
    const stale = await patch(c.tongzhou, { version: 0, targetCount: 90 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const period = await patch(c.tongzhou, { version: 1, endsOn: '2026-01-01' });
    expect(period.statusCode).toBe(400);
    expect(faultyFields(period)).toEqual(['endsOn']);
  });

  it('does not take a finder off the group while leads are still theirs', async () => {
    const lead = await t.request({
      method: 'POST',
      url: `/api/v1/finding/campaigns/${id}/leads`,
      cookie: c.office,
      payload: { name: '王小虎', finderId: finder.finder6 },
    });
    expect(lead.statusCode).toBe(201);
    const res = await patch(c.office, { version: 1, finderIds: [finder.finder5] });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('FINDING_FINDER_HAS_LEADS');
  });
});

describe('GET /finding/finders', () => {
  it('401, 403; lists the finders the actor’s campaigns may name', async () => {
    expect((await t.request({ method: 'GET', url: '/api/v1/finding/finders' })).statusCode).toBe(401);
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/finding/finders', cookie: c.finder1 })).statusCode,
    ).toBe(403);
    const ids = async (cookie: string) =>
      (await t.request({ method: 'GET', url: '/api/v1/finding/finders', cookie }))
        .json()
        .items.map((i: { id: number }) => i.id);
    expect(await ids(c.tongzhou)).toEqual(expect.arrayContaining([finder.finder1, finder.finder5]));
    const hd = await ids(c.haidian);
    expect(hd).toContain(finder.finder1);
    expect(hd).not.toContain(finder.finder5);
  });
});
