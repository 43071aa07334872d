import type { ComplianceBoardResponse } from '@ningxin/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, faultyFields, type TestApp } from '../../../../test/app';
import { loadXlsx, sheetRows } from '../../../../test/excel';
import { queryRows } from '../../../db/client';
import { attend, branchesUnder, holdMeetings, membersOf, monthly } from './compliance.fixture';

let t: TestApp;
let office: string;
let tongzhou: string;
let haidian: string;
let kangbao: string;
let member: string;
type Org = { id: number; path: string; name: string };
let a: Org;
let b: Org;
let c: Org;
let h: Org;
/** Meetings of branch A attended as hand-made below, oldest first. */
let attended: number[];
let people: { id: number; name: string }[];

const BOARD = '/api/v1/meetings/compliance';
const EXEMPTIONS = '/api/v1/meetings/exemptions';
const get = (url: string, cookie?: string) =>
  t.request({ method: 'GET', url, ...(cookie ? { cookie } : {}) });
const boardOf = async (cookie: string, query = 'year=2024') =>
  (await get(`${BOARD}?${query}`, cookie)).json() as ComplianceBoardResponse;
const typeOf = (board: ComplianceBoardResponse, orgId: number, type: string) =>
  board.branches.find((x) => x.orgId === orgId)!.types.find((x) => x.type === type)!;

beforeAll(async () => {
  t = await createTestApp();
  [office, tongzhou, haidian, kangbao, member] = (await Promise.all(
    ['office', 'tongzhou', 'haidian', 'kangbao', 'member'].map((u) => t.login(u)),
  )) as [string, string, string, string, string];
  [a, b, c] = (await branchesUnder(t.store, '驻北京通州区流动党委')) as [Org, Org, Org];
  [h] = (await branchesUnder(t.store, '驻北京海淀区流动党委')) as [Org];

  // Branch A, 2024, counted by hand:
  //   党员大会 (quarterly) March and May: Q1, Q2 met; Q3, Q4 missed → behind, 2/4.
  //   党小组会 (monthly) January–November: December missed → behind, 11/12.
  //   党课 (quarterly) Feb, May, Aug, Nov → done 4/4. 主题党日 every month → done 12/12.
  //   组织生活会 (yearly) 31 December 23:30 Beijing time (15:30 UTC, still 2024 there) → done.
  //   谈心谈话 (yearly) 1 January 00:30 Beijing time (31 December 2023 in UTC) → done.
  //   A planned and a cancelled 党员大会 in Q4 do not count.
  attended = await holdMeetings(t.store, a, [
    ...monthly('branch_assembly', 2024, [3, 5]),
    ...monthly('group_meeting', 2024, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]),
    ...monthly('party_lecture', 2024, [2, 5, 8, 11]),
    ...monthly('theme_day', 2024, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
    { type: 'life_meeting', at: '2024-12-31T23:30:00+08:00' },
    { type: 'talk', at: '2024-01-01T00:30:00+08:00', state: 'archived' },
    { type: 'branch_assembly', at: '2024-11-10T14:30:00+08:00', state: 'planned' },
    { type: 'branch_assembly', at: '2024-12-10T14:30:00+08:00', state: 'cancelled' },
  ]).then((ids) => ids.slice(13, 17)); // four 党课, Feb → Nov
  people = (await membersOf(t.store, a.id)).slice(0, 3);
  const [p1, p2, p3] = people as unknown as [{ id: number }, { id: number }, { id: number }];
  // p1 signed all four; p2 signed the first, then absent three times; p3 signed, absent, on leave, absent.
  const plan: [number, string[]][] = [
    [p1.id, ['signed', 'late', 'signed', 'signed']],
    [p2.id, ['signed', 'absent', 'absent', 'absent']],
    [p3.id, ['signed', 'absent', 'leave', 'absent']],
  ];
  for (const [memberId, statuses] of plan)
    for (const [i, status] of statuses.entries()) await attend(t.store, attended[i]!, memberId, status);

  // Branch B: 6 full members, the rest probationary → no 支委会 required by rule.
  const bMembers = await membersOf(t.store, b.id);
  await t.store.db.execute(
    sql`update members set member_type = 'full' where id in (${sql.join(
      bMembers.slice(0, 6).map((m) => sql`${m.id}`),
      sql`, `,
    )})`,
  );
  await t.store.db.execute(
    sql`update members set member_type = 'probationary' where org_id = ${b.id} and id not in (${sql.join(
      bMembers.slice(0, 6).map((m) => sql`${m.id}`),
      sql`, `,
    )})`,
  );
  // Branch C is named like a formula, for the export.
  await t.store.db.execute(sql`update orgs set name = '=HYPERLINK("x")支部' where id = ${c.id}`);
  // Branch H (海淀) held one 党员大会.
  await holdMeetings(t.store, h, monthly('branch_assembly', 2024, [6]));
});
afterAll(() => t.close());

describe('GET /api/v1/meetings/compliance', () => {
  it('401 without a session, 403 without meeting.read, 400 naming the bad field', async () => {
    expect((await get(`${BOARD}?year=2024`)).statusCode).toBe(401);
    for (const cookie of [kangbao, member])
      expect((await get(`${BOARD}?year=2024`, cookie)).statusCode).toBe(403);
    const bad = await get(`${BOARD}?year=abc&orgId=0`, office);
    expect(bad.statusCode).toBe(400);
    expect(faultyFields(bad)).toEqual(['orgId', 'year']);
  });

  it('counts a branch’s year by hand: 2 党员大会 against quarterly is behind, a missed December too', async () => {
    const board = await boardOf(office);
    const branch = board.branches.find((x) => x.orgId === a.id)!;
    const by = Object.fromEntries(branch.types.map((x) => [x.type, x]));
    expect(by.branch_assembly).toMatchObject({ held: 2, required: 4, met: 2, due: 4, status: 'behind' });
    expect(by.branch_assembly!.periods.map((p) => p.status)).toEqual(['done', 'done', 'behind', 'behind']);
    expect(by.group_meeting).toMatchObject({ held: 11, required: 12, status: 'behind' });
    expect(by.party_lecture).toMatchObject({ held: 4, required: 4, status: 'done' });
    expect(by.theme_day).toMatchObject({ held: 12, status: 'done' });
    expect(by.life_meeting!.heldByMonth[11]).toBe(1);
    expect(by.talk!.heldByMonth[0]).toBe(1);
    expect(by.talk!.status).toBe('done');
    expect(branch.behind).toEqual(
      branch.fullMembers >= 7
        ? ['branch_assembly', 'branch_committee', 'group_meeting']
        : ['branch_assembly', 'group_meeting'],
    );
    expect(board.currentMonth).toBe(13);
  });

  it('a branch with fewer than 7 full members is exempt from 支委会 by rule', async () => {
    const board = await boardOf(office);
    const branch = board.branches.find((x) => x.orgId === b.id)!;
    expect(branch.fullMembers).toBe(6);
    expect(typeOf(board, b.id, 'branch_committee').status).toBe('exempt');
    expect(branch.behind).not.toContain('branch_committee');
    expect(branch.behind).toContain('branch_assembly');
  });

  it('a secretary sees only the subtree: 通州 sees A, not 海淀’s branch; 海淀 gets 404 for A', async () => {
    const mine = await boardOf(tongzhou);
    expect(mine.branches.some((x) => x.orgId === a.id)).toBe(true);
    expect(mine.branches.some((x) => x.orgId === h.id)).toBe(false);
    expect(mine.committees.map((x) => x.name)).toEqual(['驻北京通州区流动党委']);
    expect(mine.total.branches).toBe(mine.branches.length);
    expect((await get(`${BOARD}?year=2024&orgId=${a.id}`, haidian)).statusCode).toBe(404);
    const one = await boardOf(tongzhou, `year=2024&orgId=${a.id}`);
    expect(one.branches.map((x) => x.orgId)).toEqual([a.id]);
    const theirs = await boardOf(haidian);
    expect(typeOf(theirs, h.id, 'branch_assembly').held).toBe(1);
  });

  it('rolls up per committee and for the whole scope', async () => {
    const board = await boardOf(office);
    expect(board.committees.length).toBeGreaterThan(1);
    expect(board.total.branches).toBe(board.branches.length);
    const tz = board.committees.find((x) => x.name === '驻北京通州区流动党委')!;
    const assembly = tz.types.find((x) => x.type === 'branch_assembly')!;
    // Only A held any 党员大会 in 通州: 2 held; every 通州 branch is behind in it.
    expect(assembly.held).toBe(2);
    expect(assembly.behind).toBe(tz.branches);
    expect(board.total.types.find((x) => x.type === 'branch_assembly')!.held).toBe(3);
  });
});

describe('GET /api/v1/meetings/compliance/behind', () => {
  it('401, 403, 400 first', async () => {
    expect((await get(`${BOARD}/behind`)).statusCode).toBe(401);
    expect((await get(`${BOARD}/behind`, kangbao)).statusCode).toBe(403);
    expect(faultyFields(await get(`${BOARD}/behind?year=1`, office))).toEqual(['year']);
  });

  it('lists the branches behind in the scope with the types they miss', async () => {
    const res = (await get(`${BOARD}/behind?year=2024`, tongzhou)).json();
    const rowA = res.items.find((x: { orgId: number }) => x.orgId === a.id);
    expect(rowA.behind).toContain('branch_assembly');
    expect(rowA.behind).not.toContain('party_lecture');
    expect(res.items.some((x: { orgId: number }) => x.orgId === h.id)).toBe(false);
  });
});

describe('GET /api/v1/meetings/compliance/attendance', () => {
  it('401, 403, 400 first', async () => {
    expect((await get(`${BOARD}/attendance`)).statusCode).toBe(401);
    expect((await get(`${BOARD}/attendance`, member)).statusCode).toBe(403);
    expect(faultyFields(await get(`${BOARD}/attendance?from=2024-13-01&limit=0`, office))).toEqual([
      'from',
      'limit',
    ]);
  });

  it('attended / expected per member over the period, paged', async () => {
    const url = `${BOARD}/attendance?orgId=${a.id}&from=2024-01-01&to=2024-12-31`;
    const res = (await get(url, tongzhou)).json();
    const byId = new Map(res.items.map((x: { memberId: number }) => [x.memberId, x]));
    expect(byId.get(people[0]!.id)).toMatchObject({ expected: 4, attended: 4, absent: 0, rate: 1 });
    expect(byId.get(people[1]!.id)).toMatchObject({ expected: 4, attended: 1, absent: 3, rate: 0.25 });
    expect(byId.get(people[2]!.id)).toMatchObject({ expected: 4, attended: 1, leave: 1, absent: 2 });
    const first = (await get(`${url}&limit=2`, tongzhou)).json();
    expect(first.items).toHaveLength(2);
    const second = (await get(`${url}&limit=2&cursor=${first.nextCursor}`, tongzhou)).json();
    expect(second.items.map((x: { memberId: number }) => x.memberId)).toEqual([people[2]!.id]);
    expect(second.nextCursor).toBeNull();
    // Outside the scope: none of 通州's members for 海淀.
    expect((await get(url, haidian)).statusCode).toBe(404);
    const theirs = (await get(`${BOARD}/attendance?from=2024-01-01&to=2024-12-31`, haidian)).json();
    expect(theirs.items.some((x: { memberId: number }) => x.memberId === people[0]!.id)).toBe(false);
  });
});

describe('GET /api/v1/meetings/compliance/absentees', () => {
  it('401, 403, 400 first', async () => {
    expect((await get(`${BOARD}/absentees`)).statusCode).toBe(401);
    expect((await get(`${BOARD}/absentees`, kangbao)).statusCode).toBe(403);
    expect(faultyFields(await get(`${BOARD}/absentees?n=1`, office))).toEqual(['n']);
  });

  it('members who missed the last n held meetings in a row; leave neither counts nor breaks the run', async () => {
    const three = (await get(`${BOARD}/absentees`, tongzhou)).json();
    expect(three.n).toBe(3);
    expect(three.items.map((x: { memberId: number }) => x.memberId)).toEqual([people[1]!.id]);
    expect(three.items[0]).toMatchObject({
      missed: 3,
      lastAttendedOn: '2024-02-10',
      lastMissedOn: '2024-11-10',
    });
    const two = (await get(`${BOARD}/absentees?n=2`, tongzhou)).json();
    expect(two.items.map((x: { memberId: number }) => x.memberId).sort()).toEqual(
      [people[1]!.id, people[2]!.id].sort(),
    );
    expect((await get(`${BOARD}/absentees?n=2`, haidian)).json().items).toEqual([]);
  });

  it('is offered to other modules without a scope (the lost-contact rules)', async () => {
    const rows = await t.services.compliance.board.absenteesIn(t.store.db, 3, a.path);
    expect(rows.map((r) => r.memberId)).toEqual([people[1]!.id]);
  });
});

describe('/api/v1/meetings/exemptions', () => {
  const body = (orgId: number, extra: Record<string, unknown> = {}) => ({
    orgId,
    type: 'branch_committee',
    fromOn: '2024-01-01',
    untilOn: '2024-12-31',
    reason: '支部委员会换届',
    ...extra,
  });
  const post = (cookie: string | undefined, payload: unknown) =>
    t.request({ method: 'POST', url: EXEMPTIONS, payload: payload as object, ...(cookie ? { cookie } : {}) });

  it('401, 403, 400 first for every route', async () => {
    expect((await post(undefined, body(a.id))).statusCode).toBe(401);
    expect((await post(kangbao, body(a.id))).statusCode).toBe(403);
    const empty = await post(office, {});
    expect(empty.statusCode).toBe(400);
    expect(faultyFields(empty)).toEqual(['fromOn', 'orgId', 'reason', 'type']);
    expect(faultyFields(await post(office, body(a.id, { untilOn: '2023-12-31' })))).toEqual(['untilOn']);
    expect((await get(EXEMPTIONS)).statusCode).toBe(401);
    expect((await get(EXEMPTIONS, member)).statusCode).toBe(403);
    expect(faultyFields(await get(`${EXEMPTIONS}?orgId=x`, office))).toEqual(['orgId']);
    const patch = (cookie?: string, payload: object = { reason: '换届' }, id = '1') =>
      t.request({ method: 'PATCH', url: `${EXEMPTIONS}/${id}`, payload, ...(cookie ? { cookie } : {}) });
    expect((await patch()).statusCode).toBe(401);
    expect((await patch(kangbao)).statusCode).toBe(403);
    expect(faultyFields(await patch(office, { reason: 1 }))).toEqual(['reason']);
    expect(faultyFields(await patch(office, { reason: '换届' }, 'x'))).toEqual(['id']);
    const del = (cookie?: string, id = '1') =>
      t.request({ method: 'DELETE', url: `${EXEMPTIONS}/${id}`, ...(cookie ? { cookie } : {}) });
    expect((await del()).statusCode).toBe(401);
    expect((await del(kangbao)).statusCode).toBe(403);
    expect(faultyFields(await del(office, 'x'))).toEqual(['id']);
  });

  it('exempts A from 支委会 for 2024: the board leaves it out; audited; scope holds', async () => {
    expect((await post(haidian, body(a.id))).statusCode).toBe(404);
    const res = await post(tongzhou, body(a.id));
    expect(res.statusCode).toBe(201);
    const made = res.json();
    expect(made).toMatchObject({
      orgId: a.id,
      orgName: a.name,
      type: 'branch_committee',
      untilOn: '2024-12-31',
    });
    expect(typeOf(await boardOf(tongzhou), a.id, 'branch_committee').status).toBe('exempt');
    expect((await get(EXEMPTIONS, tongzhou)).json().items.map((x: { id: number }) => x.id)).toContain(
      made.id,
    );
    expect((await get(EXEMPTIONS, haidian)).json().items.map((x: { id: number }) => x.id)).not.toContain(
      made.id,
    );

    // Shortened to the first half: the second half's months count again.
    const patch = (cookie: string, payload: object) =>
      t.request({ method: 'PATCH', url: `${EXEMPTIONS}/${made.id}`, cookie, payload });
    expect((await patch(haidian, { untilOn: '2024-06-30' })).statusCode).toBe(404);
    expect(faultyFields(await patch(tongzhou, { untilOn: '2023-06-30' }))).toEqual(['untilOn']);
    expect((await patch(tongzhou, { untilOn: '2024-06-30' })).json().untilOn).toBe('2024-06-30');
    const half = typeOf(await boardOf(tongzhou), a.id, 'branch_committee');
    expect(half.periods.slice(0, 6).every((p) => p.status === 'exempt')).toBe(true);
    expect(half.required).toBe(6);

    expect(
      (await t.request({ method: 'DELETE', url: `${EXEMPTIONS}/${made.id}`, cookie: haidian })).statusCode,
    ).toBe(404);
    expect(
      (await t.request({ method: 'DELETE', url: `${EXEMPTIONS}/${made.id}`, cookie: tongzhou })).statusCode,
    ).toBe(204);
    expect(
      (await t.request({ method: 'DELETE', url: `${EXEMPTIONS}/${made.id}`, cookie: tongzhou })).statusCode,
    ).toBe(404);
    const actions = await queryRows<{ action: string }>(
      t.store.db,
      sql`select action from audit_log where target_type = 'meeting_exemption' and target_id = ${String(made.id)} order by seq`,
    );
    expect(actions.map((r) => r.action)).toEqual([
      'meeting.exemption_created',
      'meeting.exemption_updated',
      'meeting.exemption_deleted',
    ]);
  });
});

describe('GET /api/v1/meetings/compliance/export', () => {
  it('401, 403, 400 first', async () => {
    expect((await get(`${BOARD}/export`)).statusCode).toBe(401);
    expect((await get(`${BOARD}/export`, kangbao)).statusCode).toBe(403);
    expect(faultyFields(await get(`${BOARD}/export?year=x`, office))).toEqual(['year']);
    expect((await get(`${BOARD}/export?orgId=${a.id}`, haidian)).statusCode).toBe(404);
  });

  it('exports the board of the scope, formula-like names escaped, audited', async () => {
    const res = await get(`${BOARD}/export?year=2024`, tongzhou);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = await loadXlsx(res.rawPayload);
    const rows = sheetRows(wb.getWorksheet('落实情况')!);
    const names = rows.slice(1).map((r) => r[1]);
    expect(names).toContain(a.name);
    expect(names).toContain(`'=HYPERLINK("x")支部`);
    expect(rows.slice(1).some((r) => r[0] === '驻北京海淀区流动党委')).toBe(false);
    const rowA = rows.find((r) => r[1] === a.name)!;
    expect(rowA[3]).toBe('2/4 落后');
    const grid = sheetRows(wb.getWorksheet('月度明细')!);
    expect(grid.find((r) => r[0] === a.name && r[1] === '党小组会')!.slice(2)).toEqual([
      1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 11,
    ]);
    const [audit] = await queryRows<{ n: number }>(
      t.store.db,
      sql`select count(*)::int as n from audit_log where action = 'meeting.compliance_exported'`,
    );
    expect(audit!.n).toBeGreaterThan(0);
  });
});

describe('the monthly reminder and the workbench', () => {
  it('puts a to-do for each behind branch in its secretaries’ inboxes, once a month however often it runs', async () => {
    const run = () => t.services.compliance.reminder.run(new Date('2025-01-01T01:00:00Z'));
    const sent = await run();
    expect(sent).toBeGreaterThan(0);
    expect(await run()).toBe(0);
    const inbox = (await get('/api/v1/inbox?limit=100', tongzhou)).json();
    const mine = inbox.items.filter((x: { kind: string }) => x.kind === 'meetings_behind');
    const tz = (await boardOf(tongzhou)).branches.filter((x) => x.behind.length > 0);
    expect(mine).toHaveLength(tz.length);
    expect(mine.every((x: { title: string }) => x.title.startsWith('组织生活落后：'))).toBe(true);
    const theirs = (await get('/api/v1/inbox?limit=100', haidian)).json();
    expect(theirs.items.some((x: { link: string }) => x.link.endsWith(`orgId=${a.id}`))).toBe(false);
    expect(mine.some((x: { link: string }) => x.link.endsWith(`orgId=${a.id}`))).toBe(true);
  });

  it('the workbench counts the behind branches in the scope', async () => {
    const todos = (await get('/api/v1/workbench', tongzhou)).json().todos as { key: string; count: number }[];
    const mine = todos.find((x) => x.key === 'meetings.behind');
    expect(mine).toBeDefined();
    const now = (await get(BOARD, tongzhou)).json() as ComplianceBoardResponse;
    expect(mine!.count).toBe(now.branches.filter((x) => x.behind.length > 0).length);
    expect(
      ((await get('/api/v1/workbench', kangbao)).json().todos as { key: string }[]).some(
        (x) => x.key === 'meetings.behind',
      ),
    ).toBe(false);
  });
});
