import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { branchOf } from '../../../test/factories';
import { demoReadScopes, type ReadScope } from '../../../test/member-counts';
import { queryRows } from '../../db/client';

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

  it('reads group filters from the rollup and other filters from the rows', async () => {
    const real = await listTotal(office(), '');
    const [group] = await queryRows<{
      org_id: number;
      home_county: string;
      host_district: string;
      status: string;
    }>(t.store.db, sql`select org_id, home_county, host_district, status from member_counts limit 1`);
    const key = sql`org_id = ${group!.org_id} and home_county = ${group!.home_county}
      and host_district = ${group!.host_district} and status = ${group!.status}`;
    await t.store.db.execute(sql`update member_counts set n = n + 1000 where ${key}`);
    try {
      expect(await listTotal(office(), '')).toBe(real + 1000);
      expect(await listTotal(office(), '&q=')).toBe(real + 1000);
      expect(await listTotal(office(), '&joinYearFrom=1921')).toBe(real);
      expect(await listTotal(office(), '&q=zhang')).toBe(
        await countWhere(sql`name_pinyin like 'zhang%' or name_initials like 'zhang%'`),
      );
    } finally {
      await t.store.db.execute(sql`update member_counts set n = n - 1000 where ${key}`);
    }
  });
});
