import { localIsoDate } from '@ningxin/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, faultyFields, type TestApp } from '../../../../test/app';
import { auditCount, branchOf, createUser } from '../../../../test/factories';
import { memberBody } from '../../../../test/member-factory';

let t: TestApp;
let office: string;
let haidian: string;
let tongzhou: string;
let kangbao: string;
let xicheng: string;
let auditor: string;
let ownAccount: string;
/** Placed in a 海淀 branch, home 康保县 (130723), living in 海淀区. */
let kangbaoMember: { id: number };
/** Placed in a 通州 branch, home 蔚县 (130726), living in 西城区 (110102). */
let yuxianMember: { id: number };

const daysAgo = (n: number) => localIsoDate(new Date(Date.now() - n * 86_400_000));

beforeAll(async () => {
  t = await createTestApp({}, { members: 60 });
  [office, haidian, tongzhou, kangbao, xicheng, auditor] = (await Promise.all(
    ['office', 'haidian', 'tongzhou', 'kangbao', 'xicheng', 'auditor'].map((u) => t.login(u)),
  )) as [string, string, string, string, string, string];
  const create = async (committee: string, overrides: Record<string, unknown>) => {
    const branch = (await branchOf(t.store, committee)).id;
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/members',
      payload: memberBody(branch, overrides),
      cookie: office,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number };
  };
  kangbaoMember = await create('驻北京海淀区流动党委', {
    name: '联系测试甲',
    homeCounty: '130723',
    hostDistrict: '110108',
    lastContactAt: daysAgo(400),
  });
  yuxianMember = await create('驻北京通州区流动党委', {
    name: '联系测试乙',
    homeCounty: '130726',
    hostDistrict: '110102',
  });
  const account = await createUser(t.store, { role: 'member', scopeKind: 'self', memberId: yuxianMember.id });
  ownAccount = await t.login(account.username, account.password);
});
afterAll(() => t.close());

const url = (id: number, query = '') => `/api/v1/members/${id}/contacts${query}`;
const get = (u: string, cookie?: string) =>
  t.request({ method: 'GET', url: u, ...(cookie ? { cookie } : {}) });
const post = (id: number, payload: unknown, cookie?: string) =>
  t.request({ method: 'POST', url: url(id), payload: payload as object, ...(cookie ? { cookie } : {}) });
const phoneCall = (on: string, result: 'reached' | 'not_reached' = 'reached', note?: string) => ({
  contactedOn: on,
  method: 'phone',
  result,
  ...(note ? { note } : {}),
});

describe('POST /api/v1/members/:id/contacts', () => {
  it('401 without a session, 403 without contact.write, 400 naming the field', async () => {
    expect((await post(kangbaoMember.id, phoneCall(daysAgo(1)))).statusCode).toBe(401);
    for (const cookie of [auditor, ownAccount]) {
      const res = await post(yuxianMember.id, phoneCall(daysAgo(1)), cookie);
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
    for (const [body, fields] of [
      [{ ...phoneCall(daysAgo(1)), method: 'fax' }, ['method']],
      [{ ...phoneCall(daysAgo(1)), result: 'maybe' }, ['result']],
      [{ ...phoneCall(daysAgo(1)), result: 'note' }, ['result']],
      [phoneCall(daysAgo(-2)), ['contactedOn']],
      [phoneCall('2026-02-30'), ['contactedOn']],
      [{ contactedOn: daysAgo(1), method: 'note', result: 'note' }, ['note']],
      [{ ...phoneCall(daysAgo(1)), note: 'x'.repeat(501) }, ['note']],
      [{ ...phoneCall(daysAgo(1)), note: 'a\u202Eb' }, ['note']],
    ] as const) {
      const res = await post(kangbaoMember.id, body, office);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(faultyFields(res)).toEqual(fields);
    }
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/members/abc/contacts',
      payload: phoneCall(daysAgo(1)),
      cookie: office,
    });
    expect(res.statusCode).toBe(400);
    expect((await post(999_999, phoneCall(daysAgo(1)), office)).statusCode).toBe(404);
  });

  it('each side writes for its own members only: others get 404 as for a missing member', async () => {
    // 康保's home side: not a 蔚县 member; 西城's host side: not one living in 海淀.
    expect((await post(yuxianMember.id, phoneCall(daysAgo(1)), kangbao)).statusCode).toBe(404);
    expect((await post(kangbaoMember.id, phoneCall(daysAgo(1)), xicheng)).statusCode).toBe(404);
    expect((await post(yuxianMember.id, phoneCall(daysAgo(1)), haidian)).statusCode).toBe(404);
    expect((await post(kangbaoMember.id, phoneCall(daysAgo(1)), tongzhou)).statusCode).toBe(404);

    const home = await post(
      kangbaoMember.id,
      { contactedOn: daysAgo(3), method: 'note', result: 'note', note: '家属说在海淀做装修' },
      kangbao,
    );
    expect(home.statusCode, home.body).toBe(201);
    expect(home.json()).toMatchObject({ side: 'home', method: 'note', by: { name: '康保县委组织部' } });
    const host = await post(yuxianMember.id, phoneCall(daysAgo(2), 'not_reached', '电话无人接听'), xicheng);
    expect(host.statusCode, host.body).toBe(201);
    expect(host.json().side).toBe('host');
    const committee = await post(yuxianMember.id, phoneCall(daysAgo(2)), tongzhou);
    expect(committee.json().side).toBe('committee');
  });

  it('a contact that reached the member sets the last contact date; older or unanswered ones leave it', async () => {
    const member = () => get(`/api/v1/members/${kangbaoMember.id}`, office).then((r) => r.json());
    const before = await member();
    expect(before.lastContactAt).toBe(daysAgo(400));

    expect((await post(kangbaoMember.id, phoneCall(daysAgo(10)), haidian)).statusCode).toBe(201);
    expect((await member()).lastContactAt).toBe(daysAgo(10));
    // Older, or not reached, or a note: the date stays.
    await post(kangbaoMember.id, phoneCall(daysAgo(30)), haidian);
    await post(kangbaoMember.id, phoneCall(daysAgo(1), 'not_reached'), haidian);
    await post(
      kangbaoMember.id,
      { contactedOn: daysAgo(0), method: 'note', result: 'note', note: '备注' },
      kangbao,
    );
    const after = await member();
    expect(after.lastContactAt).toBe(daysAgo(10));
    // A contact is not an edit of the record: an open edit form keeps its version.
    expect(after.version).toBe(before.version);

    // The ledger counts the two contacts that reached the member.
    const year = Number(daysAgo(10).slice(0, 4));
    const activity = await get(`/api/v1/members/${kangbaoMember.id}/activity`, office);
    const contacts = activity.json().items.filter((i: { kind: string }) => i.kind === 'contact');
    expect(
      contacts.map((c: { occurredOn: string; title: string }) => [c.occurredOn, c.title]).sort(),
    ).toEqual(
      [
        [daysAgo(10), '电话联系'],
        [daysAgo(30), '电话联系'],
      ].sort(),
    );
    expect(year).toBeGreaterThan(2000);

    // Every entry is audited against the member.
    expect(await auditCount(t.store, 'contact.created', kangbaoMember.id)).toBe(5);
  });
});

describe('GET /api/v1/members/:id/contacts', () => {
  it('401 without a session, 403 without member.read, 400 naming the field', async () => {
    expect((await get(url(kangbaoMember.id))).statusCode).toBe(401);
    for (const cookie of [auditor, ownAccount])
      expect((await get(url(yuxianMember.id), cookie)).statusCode).toBe(403);
    for (const [query, field] of [
      ['?limit=0', 'limit'],
      ['?limit=101', 'limit'],
      ['?cursor=!!', 'cursor'],
      ['?cursor=WzFd', 'cursor'],
    ] as const) {
      const res = await get(url(kangbaoMember.id, query), office);
      expect(res.statusCode, query).toBe(400);
      expect(faultyFields(res)).toEqual([field]);
    }
  });

  it('the office sees what both sides wrote, newest first, in pages', async () => {
    const res = await get(url(kangbaoMember.id), office);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.canWrite).toBe(true);
    expect(body.lastContactAt).toBe(daysAgo(10));
    expect(body.items.map((i: { contactedOn: string }) => i.contactedOn)).toEqual(
      [...body.items.map((i: { contactedOn: string }) => i.contactedOn)].sort().reverse(),
    );
    const note = body.items.find((i: { note: string }) => i.note === '家属说在海淀做装修');
    expect(note).toMatchObject({ side: 'home', by: { name: '康保县委组织部' } });

    const first = await get(url(kangbaoMember.id, '?limit=2'), office);
    const second = await get(url(kangbaoMember.id, `?limit=2&cursor=${first.json().nextCursor}`), office);
    const ids = [...first.json().items, ...second.json().items].map((i: { id: number }) => i.id);
    expect(ids).toEqual(body.items.slice(0, 4).map((i: { id: number }) => i.id));
  });

  it('each side reads its own members only', async () => {
    expect((await get(url(yuxianMember.id), kangbao)).statusCode).toBe(404);
    expect((await get(url(kangbaoMember.id), xicheng)).statusCode).toBe(404);
    const mine = await get(url(yuxianMember.id), xicheng);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().canWrite).toBe(true);
  });
});

describe('GET /api/v1/contacts/overview', () => {
  it('401, 403, and figures of the actor’s scope only', async () => {
    expect((await get('/api/v1/contacts/overview')).statusCode).toBe(401);
    expect((await get('/api/v1/contacts/overview', auditor)).statusCode).toBe(403);
    expect((await get('/api/v1/contacts/overview', ownAccount)).statusCode).toBe(403);

    const all = (await get('/api/v1/contacts/overview', office)).json();
    const home = (await get('/api/v1/contacts/overview', kangbao)).json();
    const host = (await get('/api/v1/contacts/overview', xicheng)).json();
    expect(home.byHomeCounty.map((c: { key: string }) => c.key)).toEqual(['130723']);
    expect(host.byHostDistrict.map((c: { key: string }) => c.key)).toEqual(['110102']);
    expect(home.total).toBe(home.byHomeCounty[0].count);
    expect(home.total).toBeLessThan(all.total);
    const counted = (await get('/api/v1/members?homeCounty=130723&limit=1', kangbao)).json().total;
    expect(home.total).toBe(counted);
    expect(home.byStatus.reduce((s: number, c: { count: number }) => s + c.count, 0)).toBe(home.total);
    expect(home.contactedRecently).toBeGreaterThanOrEqual(1); // 联系测试甲, reached 10 days ago
    expect(home.recentDays).toBe(90);
  });
});
