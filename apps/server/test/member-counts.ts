import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../src/db/client';
import type { TestApp } from './app';
import { orgByName } from './factories';

/**
 * The groups where the `member_counts` rollup and a count of members disagree (none when the
 * rollup is exact, and no group of 0 is left behind).
 */
export function memberCountsDrift(db: Executor) {
  return queryRows<{ org_id: number; home_county: string; host_district: string; status: string }>(
    db,
    sql`select org_id, home_county, host_district, status, m.n as members, c.n as rollup
        from (select org_id, home_county, coalesce(host_district, '') as host_district, status, count(*)::int as n
              from members group by 1, 2, 3, 4) m
        full join member_counts c using (org_id, home_county, host_district, status)
        where m.n is distinct from c.n`,
  );
}

export interface ReadScope {
  who: 'office' | 'tongzhou' | 'kangbao' | 'xicheng';
  /** The Cookie header of the account's session. */
  cookie: string;
  /** What the account may read, as a condition over members. */
  where: SQL;
}

/**
 * The demo accounts that read members, signed in: the office (all), the Tongzhou secretary (an
 * org subtree), the Kangbao home-county viewer and the Xicheng host-district viewer.
 */
export async function demoReadScopes(t: TestApp): Promise<ReadScope[]> {
  const tongzhou = await orgByName(t.store, '驻北京通州区流动党委');
  const scopes: [ReadScope['who'], SQL][] = [
    ['office', sql`true`],
    ['tongzhou', sql`(org_path = ${tongzhou.path} or org_path like ${`${tongzhou.path}.%`})`],
    ['kangbao', sql`home_county = '130723'`],
    ['xicheng', sql`host_district = '110102'`],
  ];
  return Promise.all(scopes.map(async ([who, where]) => ({ who, cookie: await t.login(who), where })));
}
