import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, faultyFields, type TestApp } from '../../../../test/app';
import { multipart } from '../../../../test/excel';
import { branchOf, orgByName } from '../../../../test/factories';
import { demoReadScopes, type ReadScope, rollupDrift } from '../../../../test/member-counts';
import { memberBody } from '../../../../test/member-factory';
import { messySheet } from '../../../../test/member-sheets';
import { testStoreKind } from '../../../../test/store';
import { queryRows } from '../../../db/client';

let t: TestApp;
let scopes: ReadScope[];
let office: string;
let tongzhou: string;
let kangbao: string;
let xicheng: string;

beforeAll(async () => {
  t = await createTestApp();
  scopes = await demoReadScopes(t);
  [office, tongzhou, kangbao, xicheng] = scopes.map((s) => s.cookie) as [string, string, string, string];
});
afterAll(() => t.close());

type By = 'homeCounty' | 'committee' | 'status';
interface Item {
  key: string;
  name: string;
  count: number;
}

const get = (url: string, cookie?: string) =>
  t.request({ method: 'GET', url, ...(cookie ? { cookie } : {}) });
const send = (method: 'POST' | 'PATCH', url: string, payload: object, cookie: string) =>
  t.request({ method, url, payload, cookie });

/** The committee of a member: the second segment of the org path (the top committee's own id above it). */
const COMMITTEE_KEY = sql.raw(
  `case when strpos(org_path, '.') = 0 then org_path else split_part(org_path, '.', 2) end`,
);
const KEY: Record<By, SQL> = {
  homeCounty: sql.raw('home_county'),
  committee: COMMITTEE_KEY,
  status: sql.raw('status'),
};

/** What a `count(*) … group by` on members says, largest first, as the API orders it. */
async function direct(by: By, where: SQL): Promise<{ key: string; count: number }[]> {
  const rows = await queryRows<{ key: string; count: number }>(
    t.store.db,
    sql`select ${KEY[by]} as key, count(*)::int as count from members where ${where} group by 1`,
  );
  return rows.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

async function counts(by: By, cookie: string, filters = ''): Promise<{ items: Item[]; total: number }> {
  const res = await get(`/api/v1/members/counts?by=${by}${filters}`, cookie);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const inTongzhou = () => scopes.find((s) => s.who === 'tongzhou')!.where;

/** Every account's counts, by every dimension, equal a direct count on members. */
async function expectCountsExact() {
  for (const { who, cookie, where } of scopes) {
    for (const by of ['homeCounty', 'committee', 'status'] as const) {
      const res = await counts(by, cookie);
      const expected = await direct(by, where);
      expect(
        res.items.map(({ key, count }) => ({ key, count })),
        `${who} by ${by}`,
      ).toEqual(expected);
      expect(res.total, `${who} by ${by}`).toBe(expected.reduce((s, r) => s + r.count, 0));
    }
  }
  // And the rollup itself matches members group by group, with no empty groups left.
  const drift = await rollupDrift(t.store.db);
  expect(drift).toEqual([]);
}

describe('GET /api/v1/members/counts', () => {
  it('401, 403 and 400', async () => {
    expect((await get('/api/v1/members/counts?by=status')).statusCode).toBe(401);
    const auditor = await t.login('auditor');
    expect((await get('/api/v1/members/counts?by=status', auditor)).statusCode).toBe(403);
    // A member's own account sees their own record, which is no group to count.
    const member = await t.login('member');
    expect((await get('/api/v1/members/counts?by=status', member)).statusCode).toBe(403);
    const bad = await get('/api/v1/members/counts?by=age&status=alive', office);
    expect(bad.statusCode).toBe(400);
    expect(faultyFields(bad)).toEqual(['by', 'status.0']);
    expect((await get('/api/v1/members/counts', office)).statusCode).toBe(400);
  });

  it('is in the OpenAPI document, with its dimensions', async () => {
    const doc = JSON.parse((await get('/api/openapi.json')).body);
    const op = doc.paths['/api/v1/members/counts'].get;
    const by = op.parameters.find((p: { name: string }) => p.name === 'by');
    expect(by.required).toBe(true);
    expect(by.schema.enum).toEqual(['homeCounty', 'committee', 'status']);
    expect(doc.components.schemas.MemberCounts).toBeDefined();
  });

  it('shows the office all 17 committees, named, with the counts of a direct count', async () => {
    const byCommittee = await counts('committee', office);
    expect(byCommittee.items).toHaveLength(17);
    expect(byCommittee.items.map((i) => i.name)).toContain('驻北京通州区流动党委');
    const [{ n }] = (await queryRows<{ n: number }>(
      t.store.db,
      sql`select count(*)::int as n from members`,
    )) as [{ n: number }];
    expect(byCommittee.total).toBe(n);
    const byCounty = await counts('homeCounty', office);
    expect(byCounty.items.find((i) => i.key === '130723')?.name).toBe('康保县');
    const byStatus = await counts('status', office);
    expect(byStatus.items.find((i) => i.key === 'active')?.name).toBe('在册');
    await expectCountsExact();
  });

  it("gives each account exactly its scope's counts", async () => {
    const tz = await counts('committee', tongzhou);
    expect(tz.items.map((i) => i.name)).toEqual(['驻北京通州区流动党委']);
    const kb = await counts('homeCounty', kangbao);
    expect(kb.items.map((i) => [i.key, i.name])).toEqual([['130723', '康保县']]);
    const xc = await counts('committee', xicheng);
    expect(xc.total).toBe(
      (await direct('committee', sql`host_district = '110102'`)).reduce((s, r) => s + r.count, 0),
    );
    expect(xc.total).toBeGreaterThan(0);
    await expectCountsExact();
  });

  it('narrows by org, home county, host district and status like the list', async () => {
    const branch = await branchOf(t.store, '驻北京通州区流动党委');
    const filtered = await counts('status', office, `&orgId=${branch.id}&homeCounty=130723,130732`);
    expect(filtered.items.map(({ key, count }) => ({ key, count }))).toEqual(
      await direct(
        'status',
        sql`(org_path = ${branch.path} or org_path like ${`${branch.path}.%`}) and home_county in ('130723', '130732')`,
      ),
    );
    const lost = await counts('committee', tongzhou, '&status=active&hostDistrict=110112');
    expect(lost.total).toBe(
      (await direct('committee', sql`${inTongzhou()} and status = 'active' and host_district = '110112'`))[0]
        ?.count ?? 0,
    );
    // An org outside the scope narrows to nothing.
    const haidian = await orgByName(t.store, '驻北京海淀区流动党委');
    expect((await counts('status', tongzhou, `&orgId=${haidian.id}`)).total).toBe(0);
  });
});

describe('member counts follow every write', () => {
  it('creates, status changes and moves between orgs', async () => {
    const tzBranch = await branchOf(t.store, '驻北京通州区流动党委');
    const hdBranch = await branchOf(t.store, '驻北京海淀区流动党委');
    const created = await send(
      'POST',
      '/api/v1/members',
      memberBody(tzBranch.id, { homeCounty: '130723', hostDistrict: '110102' }),
      office,
    );
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    await expectCountsExact();

    const lost = await send(
      'POST',
      `/api/v1/members/${id}/status`,
      { status: 'lost', effectiveDate: '2025-01-01', reason: '长期联系不上', version: 0 },
      tongzhou,
    );
    expect(lost.statusCode).toBe(200);
    expect((await counts('status', tongzhou)).items.find((i) => i.key === 'lost')?.count).toBeGreaterThan(0);
    await expectCountsExact();

    const moved = await send('PATCH', `/api/v1/members/${id}`, { orgId: hdBranch.id, version: 1 }, office);
    expect(moved.statusCode).toBe(200);
    await expectCountsExact();
    const moveHome = await send('PATCH', `/api/v1/members/${id}`, { hostDistrict: null, version: 2 }, office);
    expect(moveHome.statusCode).toBe(200);
    await expectCountsExact();
  });

  it('an import', async () => {
    const tongzhouId = (await orgByName(t.store, '驻北京通州区流动党委')).id;
    const before = (await counts('committee', tongzhou)).total;
    const { payload, headers } = await multipart(
      { orgId: String(tongzhouId) },
      { name: '通州党员.xlsx', data: await messySheet(true) },
    );
    const checked = await t.request({
      method: 'POST',
      url: '/api/v1/members/import',
      payload,
      headers,
      cookie: tongzhou,
    });
    // The check stages the rows and counts nothing yet; the commit of its stage does.
    expect((await counts('committee', tongzhou)).total).toBe(before);
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/members/import/stages/${checked.json().stage.id}/commit`,
      cookie: tongzhou,
    });
    expect(res.json()).toMatchObject({ committed: true, imported: 8 });
    expect((await counts('committee', tongzhou)).total).toBe(before + 8);
    await expectCountsExact();
  });

  it('a branch moved to another committee, members and all', async () => {
    const branch = await branchOf(t.store, '驻北京通州区流动党委', '餐饮服务');
    const haidian = await orgByName(t.store, '驻北京海淀区流动党委');
    const [{ n }] = (await queryRows<{ n: number }>(
      t.store.db,
      sql`select count(*)::int as n from members where org_id = ${branch.id}`,
    )) as [{ n: number }];
    expect(n).toBeGreaterThan(0);
    const before = (await counts('committee', office)).items;
    // Renamed first: Haidian has a branch of that name already.
    const renamed = await send(
      'PATCH',
      `/api/v1/orgs/${branch.id}`,
      { name: '通州迁入流动党支部', version: branch.version },
      office,
    );
    expect(renamed.statusCode, renamed.body).toBe(200);
    const moved = await send(
      'POST',
      `/api/v1/orgs/${branch.id}/move`,
      { parentId: haidian.id, version: renamed.json().version },
      office,
    );
    expect(moved.statusCode, moved.body).toBe(200);
    const after = (await counts('committee', office)).items;
    const countOf = (items: Item[], name: string) => items.find((i) => i.name === name)?.count ?? 0;
    expect(countOf(after, '驻北京通州区流动党委')).toBe(countOf(before, '驻北京通州区流动党委') - n);
    expect(countOf(after, '驻北京海淀区流动党委')).toBe(countOf(before, '驻北京海淀区流动党委') + n);
    await expectCountsExact();
  });

  it('deletes, and many writers at once', async () => {
    // No route deletes a member; the rollup must follow a delete all the same.
    const doomed = sql`select id from members
      where id % 9 = 0 and id not in (select member_id from users where member_id is not null)`;
    await t.store.db.execute(sql`delete from member_status_events where member_id in (${doomed})`);
    await t.store.db.execute(sql`delete from member_activity where member_id in (${doomed})`);
    const deleted = await t.store.db.execute(sql`delete from members where id in (${doomed})`);
    expect(
      (deleted as unknown as { rowCount?: number; affectedRows?: number }).rowCount ?? 1,
    ).toBeGreaterThan(0);
    await expectCountsExact();

    // Concurrent creates and status changes into the same groups (at once on PostgreSQL).
    const branch = await branchOf(t.store, '驻北京通州区流动党委');
    const ids = await queryRows<{ id: number; version: number }>(
      t.store.db,
      sql`select id, version from members where org_id = ${branch.id} and status = 'active' order by id limit 10`,
    );
    const results = await Promise.all([
      ...Array.from({ length: 10 }, () =>
        send('POST', '/api/v1/members', memberBody(branch.id, { homeCounty: '130723' }), office),
      ),
      ...ids.map((m) =>
        send(
          'POST',
          `/api/v1/members/${m.id}/status`,
          { status: 'returned', effectiveDate: '2025-01-01', reason: '返乡创业', version: m.version },
          office,
        ),
      ),
    ]);
    expect(results.map((r) => r.statusCode)).toEqual([...Array(10).fill(201), ...ids.map(() => 200)]);
    await expectCountsExact();
  });
});

describe('the rollup under concurrent writers (PostgreSQL runs them at once)', () => {
  class RolledBack extends Error {}

  const ints = (values: number[]) => sql`${sql.param(values)}::int[]`;
  const texts = (values: string[]) => sql`${sql.param(values)}::text[]`;
  type Key = { org: number; tag: string };
  /** Adds 1 to each key's row of a rollup, through the function the triggers call. */
  const adders: Record<'member_counts' | 'member_org_counts', (order: Key[]) => SQL> = {
    member_counts: (order) =>
      sql`select member_counts_add(${ints(order.map((k) => k.org))}, ${texts(order.map((k) => k.tag))},
        ${texts(order.map(() => ''))}, ${texts(order.map(() => 'active'))}, ${ints(order.map(() => 1))})`,
    member_org_counts: (order) =>
      sql`select member_org_counts_add(${ints(order.map((k) => k.org))}, ${texts(order.map((k) => k.tag))},
        ${ints(order.map(() => 1))})`,
  };

  it.runIf(testStoreKind() === 'postgres').each(['member_counts', 'member_org_counts'] as const)(
    'two statements adding to the same 4,000 rows of %s in opposite orders both finish, without deadlock',
    async (rollup) => {
      const orgIds = (
        await queryRows<{ id: number }>(t.store.db, sql`select id from orgs order by id limit 40`)
      ).map((r) => r.id);
      // The tag is a home county in member_counts, a status in member_org_counts: no real row's.
      const keys = orgIds.flatMap((org) =>
        Array.from({ length: 100 }, (_, i) => ({ org, tag: `T${String(i).padStart(4, '0')}` })),
      );
      // Each adds 1 to every row, then rolls back: the second waits for the first, in key order.
      const add = (order: Key[]) =>
        t.store.db
          .transaction(async (tx) => {
            await tx.execute(adders[rollup](order));
            throw new RolledBack();
          })
          .catch((err) => {
            if (!(err instanceof RolledBack)) throw err;
          });
      await Promise.all([add(keys), add([...keys].reverse())]);
      expect(await rollupDrift(t.store.db)).toEqual([]);
    },
  );
});
