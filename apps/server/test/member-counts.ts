import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../src/db/client';
import type { TestApp } from './app';
import { orgByName } from './factories';

/** A row where a rollup and a count of members disagree. */
export interface RollupDrift {
  rollup: 'member_counts' | 'member_org_counts';
  org_id: number;
  /** Null for member_org_counts, which has neither. */
  home_county: string | null;
  host_district: string | null;
  status: string;
  members: number | null;
  counted: number | null;
}

/**
 * The rows where the `member_counts` rollup (by org, home county, host district, status) or the
 * `member_org_counts` rollup (by org, status) and a count of members disagree: none when both are
 * exact and no row of 0 is left behind.
 */
export function rollupDrift(db: Executor) {
  return queryRows<RollupDrift>(
    db,
    sql`select 'member_counts' as rollup, org_id, home_county, host_district, status,
               m.n as members, c.n as counted
        from (select org_id, home_county, coalesce(host_district, '') as host_district, status, count(*)::int as n
              from members group by 1, 2, 3, 4) m
        full join member_counts c using (org_id, home_county, host_district, status)
        where m.n is distinct from c.n
        union all
        select 'member_org_counts', org_id, null, null, status, m.n, c.n
        from (select org_id, status, count(*)::int as n from members group by 1, 2) m
        full join member_org_counts c using (org_id, status)
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

/** One row of a rollup: member_org_counts when no home county and host district are given. */
export interface RollupKey {
  orgId: number;
  status: string;
  homeCounty?: string;
  hostDistrict?: string;
}

/**
 * Runs `body` while the rollup row at `key` holds `by` more members than members do (the row is
 * created if need be), then puts the rollup back: what a count reads it from shows the difference.
 */
export async function withRollupBumped<T>(
  db: Executor,
  key: RollupKey,
  by: number,
  body: () => Promise<T>,
): Promise<T> {
  const { orgId, status, homeCounty, hostDistrict } = key;
  const fine = homeCounty !== undefined && hostDistrict !== undefined;
  const add = (d: number) =>
    db.execute(
      fine
        ? sql`insert into member_counts as c (org_id, home_county, host_district, status, n)
              values (${orgId}, ${homeCounty}, ${hostDistrict}, ${status}, ${d})
              on conflict (org_id, home_county, host_district, status) do update set n = c.n + excluded.n`
        : sql`insert into member_org_counts as c (org_id, status, n) values (${orgId}, ${status}, ${d})
              on conflict (org_id, status) do update set n = c.n + excluded.n`,
    );
  await add(by);
  try {
    return await body();
  } finally {
    await add(-by);
    await db.execute(sql`delete from member_counts where n = 0`);
    await db.execute(sql`delete from member_org_counts where n = 0`);
  }
}
