import { localIsoDate } from '@ningxin/shared';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, faultyFields, secondInstance, type TestApp } from '../../../../test/app';
import { branchOf, createUser } from '../../../../test/factories';
import { memberBody } from '../../../../test/member-factory';
import { queryRows } from '../../../db/client';
import { attend, holdMeetings } from '../../life/compliance/compliance.fixture';

let t: TestApp;
let office: string;
let haidian: string;
let tongzhou: string;
let kangbao: string;
let auditor: string;
let ownAccount: string;
/** 在册, 海淀, home 康保, last in touch 300 days ago: 待核实. */
let quiet: { id: number };
/** 失联 for 8 months, a full member last reached 9 months ago: 停止党籍审查. */
let unreachable: { id: number };
/** 在册, reached last month: nothing. */
let fine: { id: number };

const daysAgo = (n: number) => localIsoDate(new Date(Date.now() - n * 86_400_000));

beforeAll(async () => {
  t = await createTestApp({}, { members: 40 });
  [office, haidian, tongzhou, kangbao, auditor] = (await Promise.all(
    ['office', 'haidian', 'tongzhou', 'kangbao', 'auditor'].map((u) => t.login(u)),
  )) as [string, string, string, string, string];
  const branch = (await branchOf(t.store, '驻北京海淀区流动党委')).id;
  const create = async (overrides: Record<string, unknown>) => {
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/members',
      payload: memberBody(branch, { homeCounty: '130723', hostDistrict: '110108', ...overrides }),
      cookie: office,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number; version: number };
  };
  quiet = await create({ name: '久未联系', lastContactAt: daysAgo(300) });
  fine = await create({ name: '常联系', lastContactAt: daysAgo(30) });
  const lost = await create({ name: '联系不上', lastContactAt: daysAgo(275) });
  const changed = await t.request({
    method: 'POST',
    url: `/api/v1/members/${lost.id}/status`,
    payload: { status: 'lost', effectiveDate: daysAgo(245), reason: '多次联系未果', version: lost.version },
    cookie: office,
  });
  expect(changed.statusCode, changed.body).toBeLessThan(300);
  unreachable = lost;
  const account = await createUser(t.store, { role: 'member', scopeKind: 'self', memberId: fine.id });
  ownAccount = await t.login(account.username, account.password);
});
afterAll(() => t.close());

const get = (u: string, cookie?: string) =>
  t.request({ method: 'GET', url: u, ...(cookie ? { cookie } : {}) });
const flagsOf = async (memberId: number, state: 'open' | 'resolved' = 'open') => {
  const rows = await queryRows<{ id: number; kind: string; resolution: string | null }>(
    t.store.db,
    sql`select id, kind, resolution from member_flags where member_id = ${memberId}
        and resolved_at is ${state === 'open' ? sql`null` : sql`not null`} order by kind`,
  );
  return rows;
};

describe('the daily lost-contact rule', () => {
  it('raises review flags, once per member and kind, and changes no status', async () => {
    const statusBefore = await queryRows<{ status: string; n: number }>(
      t.store.db,
      sql`select status, count(*)::int as n from members group by status order by status`,
    );
    const raised = await t.services.contacts.flags.raiseFlags();
    expect(raised).toBeGreaterThan(0);
    expect((await flagsOf(quiet.id)).map((f) => f.kind)).toEqual(['no_contact']);
    expect((await flagsOf(unreachable.id)).map((f) => f.kind)).toEqual(['suspend']);
    expect(await flagsOf(fine.id)).toEqual([]);

    // Again: nothing new.
    expect(await t.services.contacts.flags.raiseFlags()).toBe(0);
    expect(await flagsOf(quiet.id)).toHaveLength(1);
    expect(
      await queryRows(
        t.store.db,
        sql`select status, count(*)::int as n from members group by status order by status`,
      ),
    ).toEqual(statusBefore);
  });

  it('a dropout review after six months absent from every meeting the branch held, not with leave or one attendance', async () => {
    const branch = await branchOf(t.store, '驻北京海淀区流动党委', '餐饮服务');
    const member = async (name: string) => {
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/members',
        cookie: office,
        payload: memberBody(branch.id, { name, lastContactAt: daysAgo(3) }),
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: number };
    };
    const [absent, excused, came, newcomer] = [
      await member('从未到会'),
      await member('请假获准'),
      await member('来过一次'),
      await member('后来编入'),
    ];
    const held = await holdMeetings(
      t.store,
      branch,
      [170, 120, 60, 10].map((days) => ({
        type: 'theme_day',
        at: new Date(Date.now() - days * 86_400_000).toISOString(),
      })),
    );
    for (const id of held) {
      await attend(t.store, id, absent.id, 'absent');
      await attend(t.store, id, excused.id, id === held[1] ? 'leave' : 'absent');
      await attend(t.store, id, came.id, id === held[2] ? 'signed' : 'absent');
    }
    // Expected only at the last two: the period does not show six months without Party life.
    for (const id of held.slice(2)) await attend(t.store, id, newcomer.id, 'absent');
    await t.store.db.execute(
      sql`update meeting_attendees set leave_state = 'approved' where meeting_id = ${held[1]!} and member_id = ${excused.id}`,
    );
    await t.services.contacts.flags.raiseFlags();
    expect((await flagsOf(absent.id)).map((f) => f.kind)).toEqual(['dropout']);
    for (const m of [excused, came, newcomer]) expect(await flagsOf(m.id)).toEqual([]);
    const listed = await get('/api/v1/contacts/flags?kind=dropout', office);
    expect(listed.json().items.map((f: { member: { id: number } }) => f.member.id)).toContain(absent.id);
  });

  it('a removal review after two years suspended without contact', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/members',
      payload: memberBody((await branchOf(t.store, '驻北京海淀区流动党委')).id, {
        name: '停止党籍两年',
        lastContactAt: daysAgo(1000),
      }),
      cookie: office,
    });
    const m = res.json();
    for (const [status, on] of [
      ['lost', daysAgo(900)],
      ['suspended', daysAgo(760)],
    ] as const) {
      const version = (await get(`/api/v1/members/${m.id}`, office)).json().version;
      const r = await t.request({
        method: 'POST',
        url: `/api/v1/members/${m.id}/status`,
        payload: { status, effectiveDate: on, reason: '按规定处理', version },
        cookie: office,
      });
      expect(r.statusCode, r.body).toBeLessThan(300);
    }
    await t.services.contacts.flags.raiseFlags();
    expect((await flagsOf(m.id)).map((f) => f.kind)).toEqual(['remove']);
  });

  it('a contact that reaches the member settles the 待核实 flag', async () => {
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/members/${quiet.id}/contacts`,
      payload: { contactedOn: daysAgo(0), method: 'visit', result: 'reached', note: '走访见到本人' },
      cookie: haidian,
    });
    expect(res.statusCode).toBe(201);
    expect(await flagsOf(quiet.id)).toEqual([]);
    const [settled] = await flagsOf(quiet.id, 'resolved');
    expect(settled).toMatchObject({ kind: 'no_contact', resolution: `已联系上（${daysAgo(0)} 走访）` });
    // Reached today: the rule leaves the member alone.
    await t.services.contacts.flags.raiseFlags();
    expect(await flagsOf(quiet.id)).toEqual([]);
  });
});

describe('GET /api/v1/contacts/flags', () => {
  it('401, 403, 400 naming the field', async () => {
    expect((await get('/api/v1/contacts/flags')).statusCode).toBe(401);
    for (const cookie of [auditor, ownAccount])
      expect((await get('/api/v1/contacts/flags', cookie)).statusCode).toBe(403);
    for (const [query, field] of [
      ['?kind=lost', 'kind'],
      ['?state=all', 'state'],
      ['?limit=0', 'limit'],
      ['?cursor=abc!', 'cursor'],
    ] as const) {
      const res = await get(`/api/v1/contacts/flags${query}`, office);
      expect(res.statusCode, query).toBe(400);
      expect(faultyFields(res)).toEqual([field]);
    }
  });

  it('lists the flags of members in scope, by kind, in pages', async () => {
    const all = (await get('/api/v1/contacts/flags?limit=100', office)).json();
    const suspend = (await get('/api/v1/contacts/flags?kind=suspend', office)).json();
    expect(suspend.items.every((f: { kind: string }) => f.kind === 'suspend')).toBe(true);
    expect(suspend.items.map((f: { member: { id: number } }) => f.member.id)).toContain(unreachable.id);
    const item = suspend.items.find((f: { member: { id: number } }) => f.member.id === unreachable.id);
    expect(item).toMatchObject({
      member: { name: '联系不上', status: 'lost', homeCountyName: '康保县', hostDistrictName: '海淀区' },
      lastContactOn: daysAgo(275),
      canResolve: true,
    });

    const home = (await get('/api/v1/contacts/flags?limit=100', kangbao)).json();
    expect(home.items.length).toBeGreaterThan(0);
    expect(
      home.items.every((f: { member: { homeCounty: string } }) => f.member.homeCounty === '130723'),
    ).toBe(true);
    expect(home.items.every((f: { canResolve: boolean }) => !f.canResolve)).toBe(true);
    expect(home.items.length).toBeLessThanOrEqual(all.items.length);

    const tz = (await get('/api/v1/contacts/flags?limit=100', tongzhou)).json();
    expect(tz.items.map((f: { member: { id: number } }) => f.member.id)).not.toContain(unreachable.id);

    const first = (await get('/api/v1/contacts/flags?limit=1', office)).json();
    const second = (await get(`/api/v1/contacts/flags?limit=1&cursor=${first.nextCursor}`, office)).json();
    expect([...first.items, ...second.items].map((f: { id: number }) => f.id)).toEqual(
      all.items.slice(0, 2).map((f: { id: number }) => f.id),
    );
  });

  it('the workbench shows the open flags to those who review them', async () => {
    const todo = (cookie: string) =>
      get('/api/v1/workbench', cookie).then((r) =>
        r.json().todos.find((x: { key: string }) => x.key === 'contacts.flags'),
      );
    const open = (await get('/api/v1/contacts/flags?limit=100', haidian)).json().items.length;
    expect((await todo(haidian))?.count).toBe(open);
    expect(await todo(kangbao)).toBeUndefined();
  });
});

describe('POST /api/v1/contacts/flags/:id/resolve', () => {
  const resolve = (id: number | string, payload: unknown, cookie?: string) =>
    t.request({
      method: 'POST',
      url: `/api/v1/contacts/flags/${id}/resolve`,
      payload: payload as object,
      ...(cookie ? { cookie } : {}),
    });

  it('401, 403, 400, 404 out of scope, then resolved once (409 after)', async () => {
    const [flag] = await flagsOf(unreachable.id);
    const body = { resolution: '已报支部研究，继续寻找' };
    expect((await resolve(flag!.id, body)).statusCode).toBe(401);
    expect((await resolve(flag!.id, body, kangbao)).statusCode).toBe(403);
    expect((await resolve(flag!.id, body, auditor)).statusCode).toBe(403);
    const bad = await resolve(flag!.id, { resolution: '好' }, office);
    expect(bad.statusCode).toBe(400);
    expect(faultyFields(bad)).toEqual(['resolution']);
    expect((await resolve('x', body, office)).statusCode).toBe(400);
    expect((await resolve(flag!.id, body, tongzhou)).statusCode).toBe(404);
    expect((await resolve(2_000_000, body, office)).statusCode).toBe(404);

    const ok = await resolve(flag!.id, body, haidian);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ resolution: body.resolution, resolvedBy: '海淀流动党委书记' });
    expect((await resolve(flag!.id, body, office)).json().code).toBe('FLAG_RESOLVED');
    // The status is the people's decision: still 失联.
    expect((await get(`/api/v1/members/${unreachable.id}`, office)).json().status).toBe('lost');
    // Resolved lately: the rule leaves it for now.
    await t.services.contacts.flags.raiseFlags();
    expect(await flagsOf(unreachable.id)).toEqual([]);
    const resolved = (await get('/api/v1/contacts/flags?state=resolved&kind=suspend', office)).json();
    expect(resolved.items.map((f: { id: number }) => f.id)).toContain(flag!.id);
  });
});

describe('the job under two app instances on one database', () => {
  let other: Awaited<ReturnType<typeof secondInstance>>;
  let second: FastifyInstance;
  beforeAll(async () => {
    other = await secondInstance(t);
    second = other.app;
  });
  afterAll(() => other.close());

  it('runs once at its time', async () => {
    await t.store.db.execute(sql`delete from member_flags`);
    // 01:30 in Beijing, the rule's time.
    const slot = new Date('2026-12-08T01:30:00+08:00');
    const [ra, rb] = await Promise.all([
      t.services.jobs.runDue(slot),
      second.platform.services.jobs.runDue(slot),
    ]);
    const runs = [...ra, ...rb].filter((r) => r.job === 'contacts.lost_contact_flags');
    expect(runs.filter((r) => r.status === 'ran')).toHaveLength(1);
    const rows = await queryRows<{ n: number; outcome: string; rows: number }>(
      t.store.db,
      sql`select count(*)::int as n, min(outcome) as outcome, max(rows)::int as rows from job_runs
          where job = 'contacts.lost_contact_flags' and slot = ${slot}`,
    );
    const flags = await queryRows<{ n: number; members: number }>(
      t.store.db,
      sql`select count(*)::int as n, count(distinct (member_id, kind))::int as members from member_flags`,
    );
    expect(rows[0]).toMatchObject({ n: 1, outcome: 'succeeded' });
    expect(flags[0]!.n).toBe(rows[0]!.rows);
    expect(flags[0]!.n).toBe(flags[0]!.members);
  });
});
