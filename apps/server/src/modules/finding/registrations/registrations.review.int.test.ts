import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, faultyFields, type TestApp } from '../../../../test/app';
import { branchOf } from '../../../../test/factories';
import { memberBody, syntheticIdNumber } from '../../../../test/member-factory';
import { queryRows } from '../../../db/client';
import { auditLog, inboxItems, members, users } from '../../../db/schema';
import { publicPost, solved, submitted } from './registrations.fixture';

let t: TestApp;
const cookie: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp({}, { members: 60 });
  for (const who of ['office', 'tongzhou', 'haidian', 'kangbao', 'member', 'auditor'])
    cookie[who] = await t.login(who);
});
afterAll(() => t.close());

const get = (url: string, who?: string) =>
  t.request({ method: 'GET', url, ...(who ? { cookie: cookie[who] } : {}) });
const post = (url: string, payload: object, who?: string) =>
  t.request({ method: 'POST', url, payload, ...(who ? { cookie: cookie[who] } : {}) });

/** The id of the newest registration of an ID number. */
async function idOf(idNumber: string) {
  const hash = t.app.platform.ctx.crypto.hash('idNumber', idNumber);
  const [row] = await queryRows<{ id: number }>(
    t.store.db,
    sql`select id from registrations where id_hash = ${hash} order by id desc limit 1`,
  );
  return row!.id;
}

async function registered(hostDistrict = '110112', overrides: object = {}) {
  const body = await submitted(t, { hostDistrict, ...overrides });
  return { body, id: await idOf(body.idNumber) };
}

const PASSWORD = 'Join-Party-2026';

describe('GET /api/v1/registrations', () => {
  it('401 without a session, 403 without registration.review, 400 on a bad query', async () => {
    expect((await get('/api/v1/registrations')).statusCode).toBe(401);
    for (const who of ['kangbao', 'member', 'auditor']) {
      const res = await get('/api/v1/registrations', who);
      expect([res.statusCode, res.json().code], who).toEqual([403, 'FORBIDDEN']);
    }
    const bad = await get('/api/v1/registrations?state=lost&limit=0', 'office');
    expect([bad.statusCode, faultyFields(bad)]).toEqual([400, ['limit', 'state']]);
    const cursor = await get('/api/v1/registrations?cursor=abc', 'office');
    expect([cursor.statusCode, cursor.json().code]).toEqual([400, 'INVALID_CURSOR']);
  });

  it('shows a secretary only the registrations reviewed in the subtree; the office sees all', async () => {
    const tongzhou = await registered('110112');
    const haidian = await registered('110108');
    const ids = async (who: string) => {
      const res = await get('/api/v1/registrations?limit=100', who);
      expect(res.statusCode).toBe(200);
      return res.json().items.map((i: { id: number }) => i.id);
    };
    const seenByTongzhou = await ids('tongzhou');
    expect(seenByTongzhou).toContain(tongzhou.id);
    expect(seenByTongzhou).not.toContain(haidian.id);
    const seenByHaidian = await ids('haidian');
    expect(seenByHaidian).toContain(haidian.id);
    expect(seenByHaidian).not.toContain(tongzhou.id);
    expect(await ids('office')).toEqual(expect.arrayContaining([tongzhou.id, haidian.id]));
    // One by one: outside the scope is a 404, like a missing one.
    expect((await get(`/api/v1/registrations/${haidian.id}`, 'tongzhou')).statusCode).toBe(404);
    expect((await get('/api/v1/registrations/2147483646', 'tongzhou')).statusCode).toBe(404);
    const one = await get(`/api/v1/registrations/${tongzhou.id}`, 'tongzhou');
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({
      name: '报到测试',
      reviewOrgName: '驻北京通州区流动党委',
      state: 'submitted',
      daysWaiting: 0,
      existingMember: false,
      policies: { decide: true },
    });
    expect(one.body).not.toContain(tongzhou.body.idNumber);
    expect(one.body).not.toContain(tongzhou.body.phone);
  });

  it('pages by keyset and shows the days waiting', async () => {
    await registered();
    await registered();
    const id = (await registered()).id;
    await t.store.db.execute(
      sql`update registrations set submitted_at = now() - interval '9 days' where id = ${id}`,
    );
    const first = (await get('/api/v1/registrations?limit=2', 'office')).json();
    expect(first.items).toHaveLength(2);
    const second = (await get(`/api/v1/registrations?limit=2&cursor=${first.nextCursor}`, 'office')).json();
    const seen = [...first.items, ...second.items].map((i: { id: number }) => i.id);
    expect(new Set(seen).size).toBe(4);
    let all: { id: number; daysWaiting: number }[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: number; daysWaiting: number }[]; nextCursor: string | null } = (
        await get(`/api/v1/registrations?limit=3${cursor ? `&cursor=${cursor}` : ''}`, 'office')
      ).json();
      all = [...all, ...page.items];
      cursor = page.nextCursor;
    } while (cursor);
    expect(all.find((i) => i.id === id)?.daysWaiting).toBe(9);
  });
});

describe('a new registration reaches its reviewers', () => {
  it('puts a message in the inboxes of those who review it and counts it on their workbench', async () => {
    const { id } = await registered('110112');
    const to = async (username: string) => {
      const [u] = await t.store.db.select().from(users).where(eq(users.username, username));
      return t.store.db
        .select()
        .from(inboxItems)
        .where(and(eq(inboxItems.userId, u!.id), eq(inboxItems.link, `/registrations/${id}`)));
    };
    expect(await to('tongzhou')).toHaveLength(1);
    expect(await to('office')).toHaveLength(1);
    expect(await to('haidian')).toHaveLength(0);
    const todos = (await get('/api/v1/workbench', 'tongzhou')).json().todos;
    const waiting = todos.find((td: { key: string }) => td.key === 'registrations.waiting');
    const listed = (await get('/api/v1/registrations?limit=100', 'tongzhou')).json().items.length;
    expect(waiting?.count).toBe(listed);
  });
});

describe('POST /api/v1/registrations/:id/accept', () => {
  it('401, 403, 400 naming the fields, 404 outside the scope', async () => {
    const { id } = await registered('110108');
    const url = `/api/v1/registrations/${id}/accept`;
    const branch = await branchOf(t.store, '驻北京海淀区流动党委');
    const body = { orgId: branch.id, password: PASSWORD, version: 0 };
    expect((await post(url, body)).statusCode).toBe(401);
    expect((await post(url, body, 'kangbao')).statusCode).toBe(403);
    const bad = await post(url, { orgId: 'x', password: '1', version: -1 }, 'haidian');
    expect([bad.statusCode, faultyFields(bad)]).toEqual([400, ['orgId', 'password', 'version']]);
    expect((await post(url, body, 'tongzhou')).statusCode).toBe(404);
  });

  it('creates the member (自主报到) in the chosen branch with a login the member signs in with', async () => {
    const { id, body } = await registered('110112');
    const tongzhouBranch = await branchOf(t.store, '驻北京通州区流动党委');
    const haidianBranch = await branchOf(t.store, '驻北京海淀区流动党委');
    const url = `/api/v1/registrations/${id}/accept`;
    const outside = await post(url, { orgId: haidianBranch.id, password: PASSWORD, version: 0 }, 'tongzhou');
    expect([outside.statusCode, faultyFields(outside)]).toEqual([400, ['orgId']]);
    const stale = await post(url, { orgId: tongzhouBranch.id, password: PASSWORD, version: 3 }, 'tongzhou');
    expect([stale.statusCode, stale.json().code]).toEqual([409, 'VERSION_CONFLICT']);

    const res = await post(url, { orgId: tongzhouBranch.id, password: PASSWORD, version: 0 }, 'tongzhou');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      state: 'accepted',
      member: { orgName: tongzhouBranch.name },
      version: 1,
    });
    const memberId = res.json().member.id;
    const [member] = await t.store.db.select().from(members).where(eq(members.id, memberId));
    expect(member).toMatchObject({ source: 'self_registered', orgId: tongzhouBranch.id, name: '报到测试' });
    const actions = (
      await t.store.db.select({ action: auditLog.action }).from(auditLog).orderBy(sql`seq desc`).limit(3)
    ).map((r) => r.action);
    expect(actions.sort()).toEqual(['member.account_created', 'member.created', 'registration.accepted']);

    // Decided once: a second decision is refused.
    const again = await post(
      `/api/v1/registrations/${id}/return`,
      { reason: '重复操作', version: 1 },
      'office',
    );
    expect([again.statusCode, again.json().code]).toEqual([409, 'REGISTRATION_DECIDED']);

    // The member signs in with the phone and the first password, and must change it.
    const login = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: body.phone, password: PASSWORD },
    });
    expect(login.statusCode, login.body).toBe(200);
    expect(login.json().user ?? login.json()).toMatchObject({ mustChangePassword: true });

    // The status page tells the member where they now belong.
    const status = await publicPost(t, '/api/v1/public/registrations/status', {
      idNumber: body.idNumber,
      phone: body.phone,
      ...solved(t),
    });
    expect(status.json()).toMatchObject({
      state: 'accepted',
      committeeName: '驻北京通州区流动党委',
      branchName: tongzhouBranch.name,
    });
  });

  it('needs a joining date when the registration gave none', async () => {
    const { id } = await registered('110112', { joinedAt: null });
    const branch = await branchOf(t.store, '驻北京通州区流动党委');
    const url = `/api/v1/registrations/${id}/accept`;
    const res = await post(url, { orgId: branch.id, password: PASSWORD, version: 0 }, 'tongzhou');
    expect([res.statusCode, faultyFields(res)]).toEqual([400, ['joinedAt']]);
    const ok = await post(
      url,
      { orgId: branch.id, joinedAt: '2015-07-01', password: PASSWORD, version: 0 },
      'tongzhou',
    );
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('refuses an ID number already on the rolls: the reviewer marks it a duplicate, linked to the record', async () => {
    const idNumber = syntheticIdNumber('130724', '19760505');
    const haidianBranch = await branchOf(t.store, '驻北京海淀区流动党委');
    const created = await post('/api/v1/members', memberBody(haidianBranch.id, { idNumber }), 'office');
    expect(created.statusCode, created.body).toBe(201);
    const { id } = await registered('110112', { idNumber });
    const detail = (await get(`/api/v1/registrations/${id}`, 'tongzhou')).json();
    expect(detail.existingMember).toBe(true);
    const branch = await branchOf(t.store, '驻北京通州区流动党委');
    const accept = await post(
      `/api/v1/registrations/${id}/accept`,
      { orgId: branch.id, password: PASSWORD, version: 0 },
      'tongzhou',
    );
    expect([accept.statusCode, accept.json().code]).toEqual([409, 'REGISTRATION_ALREADY_MEMBER']);
    const dup = await post(`/api/v1/registrations/${id}/duplicate`, { version: 0 }, 'tongzhou');
    expect(dup.statusCode, dup.body).toBe(200);
    // The record is in 海淀: 通州's secretary sees that it is linked, not whose it is.
    expect(dup.json()).toMatchObject({ state: 'duplicate', member: null });
    const asOffice = (await get(`/api/v1/registrations/${id}`, 'office')).json();
    expect(asOffice.member).toMatchObject({ id: created.json().id });
  });
});

describe('POST /api/v1/registrations/:id/return and /duplicate', () => {
  it('return: 401, 403, 400 without a reason; the reason reaches the status page', async () => {
    const { id, body } = await registered('110112');
    const url = `/api/v1/registrations/${id}/return`;
    expect((await post(url, { reason: '信息不全', version: 0 })).statusCode).toBe(401);
    expect((await post(url, { reason: '信息不全', version: 0 }, 'member')).statusCode).toBe(403);
    const bad = await post(url, { reason: ' ', version: 0 }, 'tongzhou');
    expect([bad.statusCode, faultyFields(bad)]).toEqual([400, ['reason']]);
    expect((await post(url, { reason: '信息不全', version: 0 }, 'haidian')).statusCode).toBe(404);
    const res = await post(url, { reason: '原党组织名称不完整，请补充后重新登记', version: 0 }, 'tongzhou');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'returned', reason: '原党组织名称不完整，请补充后重新登记' });
    const status = await publicPost(t, '/api/v1/public/registrations/status', {
      idNumber: body.idNumber,
      phone: body.phone,
      ...solved(t),
    });
    expect(status.json()).toMatchObject({
      state: 'returned',
      reason: '原党组织名称不完整，请补充后重新登记',
    });
    // Returned, the ID number may queue again.
    const again = await submitted(t, { idNumber: body.idNumber });
    expect(again.idNumber).toBe(body.idNumber);
  });

  it('duplicate: 409 when no record has the ID number', async () => {
    const { id } = await registered('110112');
    const res = await post(`/api/v1/registrations/${id}/duplicate`, { version: 0 }, 'tongzhou');
    expect([res.statusCode, res.json().code]).toEqual([409, 'REGISTRATION_NO_MEMBER']);
    expect(
      (await post(`/api/v1/registrations/${id}/duplicate`, { version: 'x' }, 'tongzhou')).statusCode,
    ).toBe(400);
  });
});

describe('GET /api/v1/registrations/poster.pdf', () => {
  it('401, 403, and an A4 PDF for a reviewer', async () => {
    expect((await get('/api/v1/registrations/poster.pdf')).statusCode).toBe(401);
    expect((await get('/api/v1/registrations/poster.pdf', 'kangbao')).statusCode).toBe(403);
    const res = await get('/api/v1/registrations/poster.pdf', 'tongzhou');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
