import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app';
import { branchOf } from '../../../../test/factories';
import { demoReadScopes, type ReadScope, withRollupBumped } from '../../../../test/member-counts';
import { queryRows } from '../../../db/client';

let t: TestApp;
let scopes: ReadScope[];

beforeAll(async () => {
  t = await createTestApp();
  scopes = await demoReadScopes(t);
});
afterAll(() => t.close());

const office = () => scopes.find((s) => s.who === 'office')!.cookie;

describe('the member list total', () => {
  const listTotal = async (cookie: string, query: string) => {
    const res = await t.request({ method: 'GET', url: `/api/v1/members?limit=1${query}`, cookie });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().total as number;
  };
  const countWhere = async (where: SQL) =>
    (
      await queryRows<{ n: number }>(t.store.db, sql`select count(*)::int as n from members where ${where}`)
    )[0]!.n;

  it('is the same from the rollup (group filters) as from count(*) (any other filter)', async () => {
    const branch = await branchOf(t.store, '驻北京通州区流动党委');
    const inBranch = sql`(org_path = ${branch.path} or org_path like ${`${branch.path}.%`})`;
    const filters: [string, SQL][] = [
      ['', sql`true`],
      ['&status=active', sql`status = 'active'`],
      ['&homeCounty=130723,130732', sql`home_county in ('130723', '130732')`],
      ['&hostDistrict=110112', sql`host_district = '110112'`],
      [`&orgId=${branch.id}`, inBranch],
      [
        `&orgId=${branch.id}&status=active,lost&homeCounty=130723&hostDistrict=110112`,
        sql`${inBranch} and status in ('active', 'lost') and home_county = '130723' and host_district = '110112'`,
      ],
    ];
    for (const { who, cookie, where: scope } of scopes) {
      for (const [query, where] of filters) {
        const expected = await countWhere(sql`(${scope}) and ${where}`);
        // joinYearFrom=1921 keeps every member but is no group filter: the list counts rows.
        expect(await listTotal(cookie, query), `${who} ${query}`).toBe(expected);
        expect(await listTotal(cookie, `${query}&joinYearFrom=1921`), `${who} ${query}`).toBe(expected);
      }
    }
  });

  it('reads (org, status) pairs, groups when a county or district is involved, and rows for other filters', async () => {
    const branch = await branchOf(t.store, '驻北京通州区流动党委');
    const committee = branch.path.split('.').slice(0, 2).join('.');
    const [{ id: committeeId }] = (await queryRows<{ id: number }>(
      t.store.db,
      sql`select id from orgs where path = ${committee}`,
    )) as [{ id: number }];
    const cookieOf = (who: ReadScope['who']) => scopes.find((s) => s.who === who)!.cookie;
    const queries: [ReadScope['who'], string][] = [
      ['office', ''],
      ['office', '&q='],
      ['office', '&status=active'],
      ['office', `&orgId=${committeeId}`],
      ['office', '&homeCounty=130723'],
      ['office', '&hostDistrict=110102'],
      ['office', '&joinYearFrom=1921'],
      ['tongzhou', ''],
      ['tongzhou', '&homeCounty=130723'],
      ['kangbao', ''],
      ['kangbao', '&joinYearFrom=1921'],
      ['xicheng', ''],
    ];
    const totals = async () => {
      const out: Record<string, number> = {};
      for (const [who, query] of queries) out[`${who} ${query}`] = await listTotal(cookieOf(who), query);
      return out;
    };
    const plus = (before: Record<string, number>, names: string[]) =>
      Object.fromEntries(Object.entries(before).map(([k, v]) => [k, names.includes(k) ? v + 1000 : v]));
    const before = await totals();

    // 1,000 too many in the (org, status) rollup only.
    const pair = { orgId: branch.id, status: 'active' };
    expect(await withRollupBumped(t.store.db, pair, 1000, totals)).toEqual(
      plus(before, [
        'office ',
        'office &q=',
        'office &status=active',
        `office &orgId=${committeeId}`,
        'tongzhou ',
      ]),
    );
    // 1,000 too many in one Kangbao / Xicheng group of member_counts only.
    const group = { ...pair, homeCounty: '130723', hostDistrict: '110102' };
    expect(await withRollupBumped(t.store.db, group, 1000, totals)).toEqual(
      plus(before, [
        'office &homeCounty=130723',
        'office &hostDistrict=110102',
        'tongzhou &homeCounty=130723',
        'kangbao ',
        'xicheng ',
      ]),
    );
    expect(await listTotal(office(), '&q=zhang')).toBe(
      await countWhere(sql`name_pinyin like 'zhang%' or name_initials like 'zhang%'`),
    );
  });

  it('stays on a page past the end, from the rollup and from the rows', async () => {
    const branch = await branchOf(t.store, '驻北京通州区流动党委');
    for (const filter of [
      `&orgId=${branch.id}&status=lost`,
      `&orgId=${branch.id}&joinYearFrom=1921&status=lost`,
    ]) {
      const first = await t.request({
        method: 'GET',
        url: `/api/v1/members?limit=100${filter}`,
        cookie: office(),
      });
      const { total, items } = first.json() as { total: number; items: unknown[] };
      expect(total, filter).toBeGreaterThan(0);
      expect(total, filter).toBeLessThan(100);
      // A full page of exactly the total: the next one is empty and still tells the total.
      const full = await t.request({
        method: 'GET',
        url: `/api/v1/members?limit=${total}${filter}`,
        cookie: office(),
      });
      expect(full.json().items).toHaveLength(items.length);
      const cursor = full.json().nextCursor as string;
      const past = await t.request({
        method: 'GET',
        url: `/api/v1/members?limit=${total}${filter}&cursor=${encodeURIComponent(cursor)}`,
        cookie: office(),
      });
      expect(past.json(), filter).toMatchObject({ items: [], total, nextCursor: null });
    }
  });
});
