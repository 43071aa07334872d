import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app';
import { branchOf } from '../../../../test/factories';
import {
  demoReadScopes,
  type ReadScope,
  rollupDrift,
  withRollupBumped,
} from '../../../../test/member-counts';
import { memberBody } from '../../../../test/member-factory';
import { queryRows } from '../../../db/client';

let t: TestApp;
let scopes: ReadScope[];

beforeAll(async () => {
  t = await createTestApp();
  scopes = await demoReadScopes(t);
});
afterAll(() => t.close());

const cookieOf = (who: ReadScope['who']) => scopes.find((s) => s.who === who)!.cookie;

async function countsTotal(cookie: string, by: string, filters = '') {
  const res = await t.request({ method: 'GET', url: `/api/v1/members/counts?by=${by}${filters}`, cookie });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().total as number;
}

/** Which counts each account is shown, named `<who> <by><filters>`. */
const READINGS: [ReadScope['who'], string, string][] = [
  ...(['office', 'tongzhou', 'kangbao', 'xicheng'] as const).flatMap((who) =>
    ['homeCounty', 'committee', 'status'].map((by): [ReadScope['who'], string, string] => [who, by, '']),
  ),
  ['office', 'status', '&homeCounty=130723'],
  ['office', 'committee', '&hostDistrict=110102'],
  ['office', 'committee', '&status=active'],
];

async function readings(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [who, by, filters] of READINGS)
    out[`${who} ${by}${filters}`] = await countsTotal(cookieOf(who), by, filters);
  return out;
}

/** `before`, with `by` added to the readings named. */
const plus = (before: Record<string, number>, by: number, names: string[]) =>
  Object.fromEntries(Object.entries(before).map(([k, v]) => [k, names.includes(k) ? v + by : v]));

describe('which rollup a count reads', () => {
  it('the office and a secretary read (org, status) pairs; a county, a district or a count by county reads groups', async () => {
    const branch = await branchOf(t.store, '驻北京通州区流动党委');
    const before = await readings();
    expect(before['office committee']).toBeGreaterThan(0);

    // Off by 1,000 in the (org, status) rollup only: the counts read from it show it.
    const pair = { orgId: branch.id, status: 'active' };
    expect(await withRollupBumped(t.store.db, pair, 1000, readings)).toEqual(
      plus(before, 1000, [
        'office committee',
        'office status',
        'office committee&status=active',
        'tongzhou committee',
        'tongzhou status',
      ]),
    );

    // Off by 1,000 in a Kangbao / Xicheng group of member_counts only.
    const group = { ...pair, homeCounty: '130723', hostDistrict: '110102' };
    expect(await withRollupBumped(t.store.db, group, 1000, readings)).toEqual(
      plus(before, 1000, [
        'office homeCounty',
        'office status&homeCounty=130723',
        'office committee&hostDistrict=110102',
        'tongzhou homeCounty',
        'kangbao homeCounty',
        'kangbao committee',
        'kangbao status',
        'xicheng homeCounty',
        'xicheng committee',
        'xicheng status',
      ]),
    );
    expect(await readings()).toEqual(before);
    expect(await rollupDrift(t.store.db)).toEqual([]);
  });
});

describe('the (org, status) rollup under writes', () => {
  const office = () => cookieOf('office');
  const rows = (table: 'member_counts' | 'member_org_counts') =>
    queryRows<{ key: string; n: number; xmin: string }>(
      t.store.db,
      table === 'member_counts'
        ? sql`select concat_ws('/', org_id, home_county, host_district, status) as key, n, xmin::text as xmin
              from member_counts order by 1`
        : sql`select concat_ws('/', org_id, status) as key, n, xmin::text as xmin from member_org_counts order by 1`,
    );

  it('is not written by an update that keeps every (org, status): a new county and district, a new name', async () => {
    const branch = await branchOf(t.store, '驻北京通州区流动党委');
    const body = memberBody(branch.id, { homeCounty: '130723', hostDistrict: '110102' });
    const created = await t.request({
      method: 'POST',
      url: '/api/v1/members',
      payload: body,
      cookie: office(),
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const pairs = await rows('member_org_counts');
    const groups = await rows('member_counts');

    const moved = await t.request({
      method: 'PATCH',
      url: `/api/v1/members/${id}`,
      payload: { homeCounty: '130732', hostDistrict: '110105', name: '测试党员乙', version: 0 },
      cookie: office(),
    });
    expect(moved.statusCode, moved.body).toBe(200);
    // Same rows, same row versions: nothing was written, not even n = n + 0.
    expect(await rows('member_org_counts')).toEqual(pairs);
    // The groups did change (the member left one and joined another).
    expect(await rows('member_counts')).not.toEqual(groups);
    expect(await rollupDrift(t.store.db)).toEqual([]);
  });

  it('is emptied with member_counts by a TRUNCATE of members (rolled back)', async () => {
    class RolledBack extends Error {}
    const inside = await t.store.db
      .transaction(async (tx) => {
        await tx.execute(sql`truncate members cascade`);
        const [left] = await queryRows<{ groups: number; pairs: number; drift: number }>(
          tx,
          sql`select (select count(*) from member_counts)::int as groups,
                     (select count(*) from member_org_counts)::int as pairs`,
        );
        throw Object.assign(new RolledBack(), { left, drift: await rollupDrift(tx) });
      })
      .catch((err) => {
        if (!(err instanceof RolledBack)) throw err;
        return err as RolledBack & { left: unknown; drift: unknown };
      });
    expect(inside.left).toEqual({ groups: 0, pairs: 0 });
    expect(inside.drift).toEqual([]);
    // Rolled back: the members, and both rollups, are as they were.
    expect(await countsTotal(office(), 'committee')).toBeGreaterThan(0);
    expect(await rollupDrift(t.store.db)).toEqual([]);
  });
});
