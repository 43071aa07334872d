/** Self-reported volunteer hours: bad input, the report → review → ledger flow, scope, the reviewers' pages, the year. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, faultyFields, type TestApp } from '../../../../test/app';
import { activeMembersIn, auditCount, createUser, orgByName } from '../../../../test/factories';
import { queryRows } from '../../../db/client';

const API = '/api/v1/volunteer/hours';
let t: TestApp;
let office: string;
let tongzhou: string;
let haidian: string;
let kangbao: string;
let xicheng: string;
let auditor: string;
let member: string;
let memberId: number;
let tongzhouPool: { id: number; name: string }[];
let haidianPool: { id: number; name: string }[];

beforeAll(async () => {
  t = await createTestApp();
  [office, tongzhou, haidian, kangbao, xicheng, auditor, member] = (await Promise.all(
    ['office', 'tongzhou', 'haidian', 'kangbao', 'xicheng', 'auditor', 'member'].map((u) => t.login(u)),
  )) as [string, string, string, string, string, string, string];
  [{ member_id: memberId }] = (await queryRows<{ member_id: number }>(
    t.store.db,
    sql`select member_id from users where username = 'member'`,
  )) as [{ member_id: number }];
  tongzhouPool = (await activeMembersIn(t, office, '驻北京通州区流动党委', 20)).filter(
    (m) => m.id !== memberId,
  );
  haidianPool = await activeMembersIn(t, office, '驻北京海淀区流动党委', 5);
});
afterAll(() => t.close());

const get = (url: string, cookie?: string) =>
  t.request({ method: 'GET', url, ...(cookie ? { cookie } : {}) });
const postAs = (cookie: string, url: string, payload: unknown) =>
  t.request({ method: 'POST', url, cookie, payload: payload as Record<string, unknown> });

async function memberLogin(id: number) {
  const user = await createUser(t.store, { role: 'member', scopeKind: 'self', memberId: id });
  return t.login(user.username, user.password);
}

const daysAgo = (n: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
    new Date(Date.now() - n * 86_400_000),
  );

async function report(cookie: string, extra: Record<string, unknown> = {}) {
  const res = await postAs(cookie, API, {
    servedOn: daysAgo(2),
    hours: 3,
    description: '协助社区开展垃圾分类宣传',
    place: '所住社区',
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; version: number; state: string; hours: number };
}

const inboxOf = (username: string) =>
  queryRows<{ title: string; link: string }>(
    t.store.db,
    sql`select i.title, i.link from inbox_items i join users u on u.id = i.user_id
      where u.username = ${username} and i.kind = 'volunteer_hours' order by i.id`,
  );

const summary = async (cookie: string) => (await get(`${API}/mine/summary`, cookie)).json();
const bySource = (s: { bySource: { source: string; hours: number }[] }) =>
  Object.fromEntries(s.bySource.map((x) => [x.source, x.hours]));

describe('401, 403, 400', () => {
  it('answers 401 without a session, 403 to those without the action, 400 naming the fields', async () => {
    for (const url of [API, `${API}/mine`, `${API}/mine/summary`])
      expect((await get(url)).statusCode, url).toBe(401);
    expect((await t.request({ method: 'POST', url: API, payload: {} })).statusCode).toBe(401);
    for (const cookie of [member, kangbao, xicheng, auditor])
      expect((await get(API, cookie)).statusCode).toBe(403);
    for (const cookie of [office, tongzhou, xicheng])
      expect((await get(`${API}/mine/summary`, cookie)).statusCode).toBe(403);
    expect(
      (await postAs(tongzhou, API, { servedOn: daysAgo(1), hours: 1, description: '值守' })).statusCode,
    ).toBe(403);
    expect((await postAs(member, `${API}/1/decide`, { decision: 'approve', version: 0 })).statusCode).toBe(
      403,
    );
    expect((await postAs(tongzhou, `${API}/1/withdraw`, { version: 0 })).statusCode).toBe(403);

    const bad = await postAs(member, API, {
      servedOn: daysAgo(-3),
      hours: 24.5,
      description: ' ',
      place: '地'.repeat(101),
    });
    expect(bad.statusCode).toBe(400);
    expect(faultyFields(bad)).toEqual(['description', 'hours', 'place', 'servedOn']);
    const decimals = await postAs(member, API, { servedOn: daysAgo(1), hours: 1.25, description: '值守' });
    expect(faultyFields(decimals)).toEqual(['hours']);
    const zero = await postAs(member, API, { servedOn: daysAgo(1), hours: 0, description: '值守' });
    expect(faultyFields(zero)).toEqual(['hours']);
    const badDecide = await postAs(tongzhou, `${API}/1/decide`, { decision: 'maybe', version: -1 });
    expect(badDecide.statusCode).toBe(400);
    expect(faultyFields(badDecide)).toEqual(['decision', 'version']);
    const badQuery = await get(`${API}?state=nope&limit=0`, tongzhou);
    expect(faultyFields(badQuery)).toEqual(['limit', 'state']);
    const badCursor = await get(`${API}?cursor=${Buffer.from('[2,1]').toString('base64url')}`, tongzhou);
    expect(badCursor.json()).toMatchObject({ code: 'INVALID_CURSOR' });
    expect(faultyFields(await get(`${API}/mine/summary?year=1999`, member))).toEqual(['year']);
  });
});

describe('report → review → ledger', () => {
  it('a member reports, the secretaries are told; approving writes the ledger and tells the member', async () => {
    const before = await summary(member);
    const r = await report(member, { servedOn: daysAgo(0) });
    expect(r).toMatchObject({ state: 'submitted', hours: 3, policies: { withdraw: true, decide: false } });
    expect((await inboxOf('tongzhou')).at(-1)).toMatchObject({ link: '/volunteer-hours' });
    expect((await inboxOf('tongzhou')).at(-1)!.title).toContain('3 小时');
    expect(await inboxOf('haidian')).toEqual([]);
    expect((await summary(member)).pendingHours).toBe(before.pendingHours + 3);

    // 通州's secretary and the office review it; 海淀's does not see it.
    const tz = (await get(`${API}?state=submitted`, tongzhou)).json().items as {
      id: number;
      policies: object;
    }[];
    expect(tz.find((i) => i.id === r.id)).toMatchObject({ policies: { decide: true, withdraw: false } });
    expect((await get(API, office)).json().items.map((i: { id: number }) => i.id)).toContain(r.id);
    expect((await get(API, haidian)).json().items.map((i: { id: number }) => i.id)).not.toContain(r.id);
    const outside = await postAs(haidian, `${API}/${r.id}/decide`, {
      decision: 'approve',
      version: r.version,
    });
    expect(outside.statusCode).toBe(404);
    const haidianOrg = await orgByName(t.store, '驻北京海淀区流动党委');
    expect((await get(`${API}?orgId=${haidianOrg.id}`, tongzhou)).statusCode).toBe(404);

    const noReason = await postAs(tongzhou, `${API}/${r.id}/decide`, {
      decision: 'reject',
      version: r.version,
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().code).toBe('REJECT_NEEDS_REASON');
    expect(faultyFields(noReason)).toEqual(['reason']);
    const stale = await postAs(tongzhou, `${API}/${r.id}/decide`, {
      decision: 'approve',
      version: r.version + 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');

    // Two approvals at once: one passes, the other is told it is decided (or stale); one ledger entry.
    const both = await Promise.all(
      [tongzhou, office].map((c) =>
        postAs(c, `${API}/${r.id}/decide`, { decision: 'approve', version: r.version }),
      ),
    );
    expect(both.map((b) => b.statusCode).sort()).toEqual([200, 409]);
    const approved = both.find((b) => b.statusCode === 200)!.json();
    expect(approved).toMatchObject({ state: 'approved', stateLabel: '已通过', policies: { decide: false } });
    expect(approved.decidedBy).toBeTruthy();
    expect((await inboxOf('member')).at(-1)!.title).toContain('已审核通过');
    expect(await auditCount(t.store, 'volunteer.hours_approved', r.id)).toBe(1);
    expect(await auditCount(t.store, 'volunteer.hours_reported', r.id)).toBe(1);

    const year = Number(daysAgo(0).slice(0, 4));
    const timeline = (await get(`/api/v1/members/${memberId}/activity?year=${year}`, office)).json();
    const entries = timeline.items.filter(
      (i: { kind: string; source: { id: string } }) =>
        i.kind === 'volunteer_hours' && i.source.id === `hours:${r.id}`,
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ quantity: 3, unit: 'hours', source: { module: 'service' } });
    expect(entries[0].title).toContain('垃圾分类');

    const after = await summary(member);
    expect(after.hours).toBe(before.hours + 3);
    expect(bySource(after).self).toBe(bySource(before).self! + 3);
    expect(after.pendingHours).toBe(before.pendingHours);

    const again = await postAs(tongzhou, `${API}/${r.id}/decide`, {
      decision: 'reject',
      reason: '重复',
      version: approved.version,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('VOLUNTEER_HOURS_NOT_PENDING');
    const late = await postAs(member, `${API}/${r.id}/withdraw`, { version: approved.version });
    expect(late.json().code).toBe('VOLUNTEER_HOURS_NOT_WITHDRAWABLE');
  });

  it('a rejection carries its reason to the member and counts nothing; a withdrawn report is no longer reviewed', async () => {
    const who = tongzhouPool[0]!;
    const cookie = await memberLogin(who.id);
    const rejected = await report(cookie, { hours: 2.5, description: '为独居老人上门送餐' });
    const res = await postAs(tongzhou, `${API}/${rejected.id}/decide`, {
      decision: 'reject',
      reason: '服务日期与考勤记录不符',
      version: rejected.version,
    });
    expect(res.json()).toMatchObject({ state: 'rejected', decisionNote: '服务日期与考勤记录不符' });
    const told = await queryRows<{ title: string }>(
      t.store.db,
      sql`select i.title from inbox_items i join users u on u.id = i.user_id
        where u.member_id = ${who.id} and i.kind = 'volunteer_hours'`,
    );
    expect(told.map((x) => x.title).join()).toContain('服务日期与考勤记录不符');
    expect(await summary(cookie)).toMatchObject({ hours: 0, pendingHours: 0 });

    const withdrawn = await report(cookie, { hours: 1 });
    // Not the member's own: 404 as if missing; a stale version: 409.
    expect((await postAs(member, `${API}/${withdrawn.id}/withdraw`, { version: 0 })).statusCode).toBe(404);
    expect((await postAs(cookie, `${API}/${withdrawn.id}/withdraw`, { version: 3 })).statusCode).toBe(409);
    const w = await postAs(cookie, `${API}/${withdrawn.id}/withdraw`, { version: withdrawn.version });
    expect(w.json()).toMatchObject({
      state: 'withdrawn',
      stateLabel: '已撤回',
      policies: { withdraw: false },
    });
    const decided = await postAs(tongzhou, `${API}/${withdrawn.id}/decide`, {
      decision: 'approve',
      version: w.json().version,
    });
    expect(decided.json().code).toBe('VOLUNTEER_HOURS_NOT_PENDING');

    const mine = (await get(`${API}/mine`, cookie)).json().items as { id: number; state: string }[];
    expect(mine.map((m) => [m.id, m.state])).toEqual([
      [withdrawn.id, 'withdrawn'],
      [rejected.id, 'rejected'],
    ]);
  });

  it('a member of 海淀 is reviewed by 海淀’s secretary; the year counts campaign shifts apart from reports', async () => {
    const who = haidianPool[0]!;
    const cookie = await memberLogin(who.id);
    const before = (await inboxOf('haidian')).length;
    const tzBefore = (await inboxOf('tongzhou')).length;
    const r = await report(cookie, { hours: 4, servedOn: daysAgo(0) });
    expect(await inboxOf('haidian')).toHaveLength(before + 1);
    expect(await inboxOf('tongzhou')).toHaveLength(tzBefore);
    expect(
      (await postAs(tongzhou, `${API}/${r.id}/decide`, { decision: 'approve', version: 0 })).statusCode,
    ).toBe(404);
    expect(
      (await postAs(haidian, `${API}/${r.id}/decide`, { decision: 'approve', version: 0 })).json(),
    ).toMatchObject({ state: 'approved' });
    // A checked-out campaign shift, as the campaigns write it to the ledger.
    await t.store.db.transaction((tx) =>
      t.services.activity.record(tx, {
        memberId: who.id,
        kind: 'volunteer_hours',
        occurredOn: daysAgo(0),
        quantity: 2.5,
        sourceModule: 'service',
        sourceId: 'assignment:999999',
        title: '平安守望：交通疏导',
      }),
    );
    const s = await summary(cookie);
    expect(s).toMatchObject({ hours: 6.5, pendingHours: 0 });
    expect(bySource(s)).toEqual({ campaign: 2.5, self: 4, other: 0 });
  });
});

describe('the reviewers’ list', () => {
  it('shows those awaiting review first, then the newest, in keyset pages that add up to the whole list', async () => {
    const people = await Promise.all(tongzhouPool.slice(1, 4).map((m) => memberLogin(m.id)));
    const made: { id: number; version: number }[] = [];
    for (const cookie of people) for (const h of [1, 2]) made.push(await report(cookie, { hours: h }));
    await postAs(tongzhou, `${API}/${made[0]!.id}/decide`, { decision: 'approve', version: 0 });
    await postAs(tongzhou, `${API}/${made[3]!.id}/decide`, {
      decision: 'reject',
      reason: '不属实',
      version: 0,
    });

    const whole = (await get(`${API}?limit=100`, tongzhou)).json().items as { id: number; state: string }[];
    const firstDone = whole.findIndex((i) => i.state !== 'submitted');
    expect(firstDone).toBeGreaterThan(0);
    expect(whole.slice(firstDone).every((i) => i.state !== 'submitted')).toBe(true);
    const pending = whole.slice(0, firstDone).map((i) => i.id);
    expect(pending).toEqual([...pending].sort((a, b) => b - a));

    const paged: number[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `${API}?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await get(url, tongzhou)).json();
      paged.push(...page.items.map((i: { id: number }) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(whole.map((i) => i.id));

    const rejected = (await get(`${API}?state=rejected`, tongzhou)).json().items as { state: string }[];
    expect(rejected.length).toBeGreaterThan(0);
    expect(rejected.every((i) => i.state === 'rejected')).toBe(true);
    const tz = await orgByName(t.store, '驻北京通州区流动党委');
    expect((await get(`${API}?orgId=${tz.id}&limit=100`, office)).json().items).toHaveLength(whole.length);
  });
});
