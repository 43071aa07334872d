import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../src/db/client';

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
