/** The yearly points: runs over the ledger, reproducibility by rules version, the ranking, a member's own. */
import { DEFAULT_POINTS_RULES } from '@ningxin/shared';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, faultyFields, type TestApp } from '../../../test/app';
import { XLSX } from '../../../test/excel';
import { activeMembersIn, auditCount, orgByName } from '../../../test/factories';
import { queryRows } from '../../db/client';
import { users } from '../../db/schema';

const API = '/api/v1/points';
const YEAR = 2024;

let t: TestApp;
let office: string;
let tongzhou: string;
let haidian: string;
let kangbao: string;
let member: string;
let demoMemberId: number;
let tz: { id: number; name: string }[];
let tongzhouOrg: { id: number; path: string };
let haidianOrg: { id: number; path: string };

const get = (url: string, cookie?: string) =>
  t.request({ method: 'GET', url: `${API}${url}`, ...(cookie ? { cookie } : {}) });
const post = (url: string, payload: unknown, cookie?: string) =>
  t.request({
    method: 'POST',
    url: `${API}${url}`,
    payload: payload as object,
    ...(cookie ? { cookie } : {}),
  });

/** Ledger entries for a member in the year, as the modules that count deeds write them. */
async function deeds(
  memberId: number,
  entries: [
    kind: 'meeting_attended' | 'study_hours' | 'volunteer_hours' | 'contribution' | 'honour',
    quantity: number,
  ][],
  year = YEAR,
) {
  await t.store.db.transaction((tx) =>
    t.services.activity.recordMany(
      tx,
      entries.map(([kind, quantity], i) => ({
        memberId,
        kind,
        occurredOn: `${year}-03-${String(1 + (i % 28)).padStart(2, '0')}`,
        quantity,
        sourceModule: 'test',
        sourceId: `points:${memberId}:${kind}:${i}:${year}`,
        title: `测试${kind}`,
      })),
    ),
  );
}

async function run(year = YEAR, ruleVersion?: number) {
  const res = await post('/runs', { year, ...(ruleVersion === undefined ? {} : { ruleVersion }) }, office);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; ruleVersion: number; memberCount: number };
}

const totalsOf = (runId: number) =>
  queryRows<{ member_id: number; base: string; tasks: string; bonus: string; total: string }>(
    t.store.db,
    sql`select member_id, base::text, tasks::text, bonus::text, total::text from points_totals
      where run_id = ${runId} order by member_id`,
  );

async function setRules(rules: typeof DEFAULT_POINTS_RULES) {
  const current = (
    await t.request({ method: 'GET', url: '/api/v1/settings/points.rules', cookie: office })
  ).json();
  const res = await t.request({
    method: 'PUT',
    url: '/api/v1/settings/points.rules',
    cookie: office,
    payload: { value: rules, version: current.version },
  });
  expect(res.statusCode, res.body).toBe(200);
}

beforeAll(async () => {
  t = await createTestApp();
  [office, tongzhou, haidian, kangbao, member] = (await Promise.all(
    ['office', 'tongzhou', 'haidian', 'kangbao', 'member'].map((u) => t.login(u)),
  )) as [string, string, string, string, string];
  const [demo] = await t.store.db
    .select({ memberId: users.memberId })
    .from(users)
    .where(eq(users.username, 'member'));
  demoMemberId = demo!.memberId!;
  tongzhouOrg = await orgByName(t.store, '驻北京通州区流动党委');
  haidianOrg = await orgByName(t.store, '驻北京海淀区流动党委');
  tz = (await activeMembersIn(t, office, '驻北京通州区流动党委', 4)).filter((m) => m.id !== demoMemberId);
  // A member with a bit of everything, one beyond both caps, and the demo member.
  await deeds(tz[0]!.id, [
    ['meeting_attended', 1],
    ['meeting_attended', 1],
    ['meeting_attended', 1],
    ['study_hours', 2.5],
    ['volunteer_hours', 10],
    ['contribution', 500_00],
    ['honour', 1],
  ]);
  await deeds(tz[1]!.id, [
    ['study_hours', 40],
    ['volunteer_hours', 45.25],
    ['honour', 1],
    ['honour', 1],
  ]);
  await deeds(demoMemberId, [
    ['meeting_attended', 1],
    ['study_hours', 1.75],
    ['contribution', 100],
  ]);
  // A deed of another year counts nothing this year.
  await deeds(tz[2]!.id, [['volunteer_hours', 30]], YEAR - 1);
});
afterAll(() => t.close());

describe('runs', () => {
  it('401, 403 (a secretary reads but never runs), 400 naming the field', async () => {
    expect((await post('/runs', { year: YEAR })).statusCode).toBe(401);
    expect((await post('/runs', { year: YEAR }, tongzhou)).statusCode).toBe(403);
    expect((await post('/runs', { year: YEAR }, member)).statusCode).toBe(403);
    expect(faultyFields(await post('/runs', { year: 'x' }, office))).toEqual(['year']);
    expect(faultyFields(await post('/runs', { year: 1999 }, office))).toEqual(['year']);
    const unknown = await post('/runs', { year: YEAR, ruleVersion: 999 }, office);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('POINTS_RULE_VERSION_UNKNOWN');
    expect(faultyFields(unknown)).toEqual(['ruleVersion']);
    expect((await get('/runs/1/verify', tongzhou)).statusCode).toBe(403);
    expect((await get('/runs', member)).statusCode).toBe(403);
  });

  it('gives every member in good standing the base, tasks and bonus within their caps, exactly', async () => {
    const before = await auditCount(t.store, 'points.computed');
    const r = await run();
    expect(await auditCount(t.store, 'points.computed')).toBe(before + 1);
    const [{ n }] = (await queryRows<{ n: number }>(
      t.store.db,
      sql`select count(*)::int as n from members where status = 'active'`,
    )) as [{ n: number }];
    expect(r.memberCount).toBe(n);
    const totals = new Map((await totalsOf(r.id)).map((row) => [row.member_id, row]));
    expect(totals.get(tz[0]!.id)).toMatchObject({
      base: '20.00',
      tasks: '15.50',
      bonus: '7.00',
      total: '42.50',
    });
    expect(totals.get(tz[1]!.id)).toMatchObject({ tasks: '70.00', bonus: '10.00', total: '100.00' });
    expect(totals.get(tz[2]!.id)).toMatchObject({ tasks: '0.00', bonus: '0.00', total: '20.00' });
    expect(totals.get(demoMemberId)).toMatchObject({ tasks: '2.75', bonus: '2.00', total: '24.75' });
    const list = (await get(`/runs?year=${YEAR}`, tongzhou)).json();
    expect(list.items[0]).toMatchObject({
      id: r.id,
      year: YEAR,
      memberCount: n,
      rules: DEFAULT_POINTS_RULES,
    });
    expect(list.items[0].computedBy.name).toBeTruthy();
  });

  it('is reproducible: after the rules change, a run by the old version gives the same totals, row by row', async () => {
    const first = await run();
    await setRules({ ...DEFAULT_POINTS_RULES, perStudyHour: 2, perHonour: 3 });
    const second = await run();
    expect(second.ruleVersion).toBeGreaterThan(first.ruleVersion);
    const changed = new Map((await totalsOf(second.id)).map((row) => [row.member_id, row]));
    expect(changed.get(tz[0]!.id)).toMatchObject({ tasks: '18.00', bonus: '5.00', total: '43.00' });

    const again = await run(YEAR, first.ruleVersion);
    expect(again.ruleVersion).toBe(first.ruleVersion);
    expect(await totalsOf(again.id)).toEqual(await totalsOf(first.id));
    const verify = (await get(`/runs/${first.id}/verify`, office)).json();
    expect(verify).toMatchObject({
      runId: first.id,
      ruleVersion: first.ruleVersion,
      matches: true,
      mismatches: 0,
    });
    expect(verify.members).toBe(first.memberCount);

    // The ledger moves on: the verification names the member whose total no longer agrees.
    await deeds(tz[2]!.id, [['meeting_attended', 1]]);
    const moved = (await get(`/runs/${first.id}/verify`, office)).json();
    expect(moved).toMatchObject({ matches: false, mismatches: 1 });
    expect(moved.examples).toEqual([{ memberId: tz[2]!.id, stored: '20.00', recomputed: '21.00' }]);
    expect((await get('/runs/99999/verify', office)).statusCode).toBe(404);
    await setRules(DEFAULT_POINTS_RULES);
  });
});

describe('ranking', () => {
  it('401, 403 for a member, 400 naming year', async () => {
    expect((await get(`/ranking?year=${YEAR}`)).statusCode).toBe(401);
    expect((await get(`/ranking?year=${YEAR}`, member)).statusCode).toBe(403);
    expect(faultyFields(await get('/ranking', office))).toEqual(['year']);
    expect(faultyFields(await get(`/ranking?year=${YEAR}&cursor=@@`, office))).toEqual(['cursor']);
  });

  it('ranks the latest run by total then name, in pages, within the actor scope', async () => {
    const r = await run();
    const first = (await get(`/ranking?year=${YEAR}&orgId=${tongzhouOrg.id}&limit=2`, tongzhou)).json();
    expect(first.run.id).toBe(r.id);
    expect(first.items.map((i: { rank: number }) => i.rank)).toEqual([1, 2]);
    expect(first.items[0]).toMatchObject({ member: { id: tz[1]!.id }, total: '100.00', tasks: '70.00' });
    expect(first.items[1]).toMatchObject({ member: { id: tz[0]!.id }, total: '42.50' });
    const second = (
      await get(`/ranking?year=${YEAR}&orgId=${tongzhouOrg.id}&limit=2&cursor=${first.nextCursor}`, tongzhou)
    ).json();
    expect(second.items[0]).toMatchObject({ rank: 3, member: { id: demoMemberId }, total: '24.75' });

    // A secretary sees the subtree only; another subtree is empty for them; the office everything.
    const all = (await get(`/ranking?year=${YEAR}&limit=200`, tongzhou)).json();
    const paths = await queryRows<{ id: number; org_path: string }>(
      t.store.db,
      sql`select id, org_path from members where id in (${sql.join(
        all.items.map((i: { member: { id: number } }) => sql`${i.member.id}`),
        sql`, `,
      )})`,
    );
    expect(
      paths.every((p) => p.org_path.startsWith(`${tongzhouOrg.path}.`) || p.org_path === tongzhouOrg.path),
    ).toBe(true);
    expect((await get(`/ranking?year=${YEAR}&orgId=${haidianOrg.id}`, tongzhou)).json().items).toEqual([]);
    expect(
      (await get(`/ranking?year=${YEAR}&orgId=${haidianOrg.id}`, haidian)).json().items.length,
    ).toBeGreaterThan(0);
    // A county viewer sees the members whose home is the county.
    const county = (await get(`/ranking?year=${YEAR}&limit=200`, kangbao)).json();
    expect(county.items.length).toBeGreaterThan(0);
    const homes = await queryRows<{ home_county: string }>(
      t.store.db,
      sql`select distinct home_county from members where id in (${sql.join(
        county.items.map((i: { member: { id: number } }) => sql`${i.member.id}`),
        sql`, `,
      )})`,
    );
    expect(homes).toEqual([{ home_county: '130723' }]);
    // No run for the year: an empty ranking that says so.
    expect((await get('/ranking?year=2030', office)).json()).toEqual({
      run: null,
      items: [],
      nextCursor: null,
    });
  });

  it('averages by second-level committee, and exports the ranking (audited)', async () => {
    const all = (await get(`/ranking/orgs?year=${YEAR}`, office)).json();
    expect(all.items.length).toBeGreaterThanOrEqual(17);
    const mine = (await get(`/ranking/orgs?year=${YEAR}`, tongzhou)).json();
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0].org.id).toBe(tongzhouOrg.id);
    expect(Number(mine.items[0].average)).toBeGreaterThan(20);
    const before = await auditCount(t.store, 'points.exported');
    const file = await get(`/ranking/export?year=${YEAR}&orgId=${tongzhouOrg.id}`, tongzhou);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe(XLSX);
    expect(await auditCount(t.store, 'points.exported')).toBe(before + 1);
  });
});

describe('mine and the rules', () => {
  it('the member sees their year figure by figure, with the latest run total and rank', async () => {
    expect((await get('/mine')).statusCode).toBe(401);
    expect((await get('/mine', office)).statusCode).toBe(403);
    expect(faultyFields(await get('/mine?year=abc', member))).toEqual(['year']);
    const mine = (await get(`/mine?year=${YEAR}`, member)).json();
    expect(mine).toMatchObject({
      year: YEAR,
      member: { id: demoMemberId },
      base: '20.00',
      tasks: '2.75',
      bonus: '2.00',
      total: '24.75',
      yearTotal: 100,
    });
    expect(mine.figures.find((f: { key: string }) => f.key === 'studyHours')).toMatchObject({
      quantity: '1.75',
      points: '1.75',
    });
    expect(mine.figures.find((f: { key: string }) => f.key === 'contributions')).toMatchObject({
      quantity: '1',
      points: '2.00',
    });
    expect(mine.run.total).toBe('24.75');
    expect(mine.run.rank).toBeGreaterThan(2);
  });

  it('the rules and their version; who may run', async () => {
    expect((await get('/rules')).statusCode).toBe(401);
    expect((await get('/rules', member)).statusCode).toBe(403);
    const rules = (await get('/rules', tongzhou)).json();
    expect(rules).toMatchObject({ rules: DEFAULT_POINTS_RULES, yearTotal: 100, canRun: false });
    expect(rules.version).toBeGreaterThan(0);
    expect((await get('/rules', office)).json().canRun).toBe(true);
  });

  it('the nightly recomputation replaces its own earlier run of the year, never an account run', async () => {
    const made = await run(YEAR + 1);
    await t.services.points.points.recompute(YEAR + 1);
    await t.services.points.points.recompute(YEAR + 1);
    const runs = (await get(`/runs?year=${YEAR + 1}`, office)).json().items;
    expect(runs).toHaveLength(2);
    expect(runs[1].id).toBe(made.id);
    expect(runs[0].computedBy).toBeNull();
  });
});
