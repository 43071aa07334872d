import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../../db/client';

/** A group whose rollup row and count of members disagree (null where one side has none). */
export interface RollupMismatch {
  rollup:
    | 'member_counts'
    | 'member_org_counts'
    | 'member_facet_counts'
    | 'member_facet_totals'
    | 'member_facet_org_totals';
  /** Null for member_facet_totals, which has no org. */
  orgId: number | null;
  /** Null for member_org_counts and member_facet_org_totals, which have none. */
  homeCounty: string | null;
  /** '' for members with no host district; null for the rollups without it (all but two). */
  hostDistrict: string | null;
  status: string;
  /** The facet and its value, for member_facet_counts; null for the others. */
  facet: string | null;
  value: string | null;
  /** Members in the group; null when there are none. */
  members: number | null;
  /** What the rollup holds; null when it has no row. */
  stored: number | null;
}

export interface RollupComparison {
  /** Groups compared: each row of either rollup, or group of members without one, once. */
  groups: number;
  mismatches: number;
  /** The first mismatch in key order (member_counts first). */
  first: RollupMismatch | null;
}

interface ComparisonRow {
  groups: number;
  mismatches: number;
  rollup: RollupMismatch['rollup'] | null;
  org_id: number | null;
  home_county: string | null;
  host_district: string | null;
  status: string | null;
  facet: string | null;
  value: string | null;
  members: number | null;
  stored: number | null;
}

export const rollupsRepository = {
  /**
   * Compares the rollups with a count of members in one statement (one snapshot: writes in
   * between cannot show as a difference): every group of `member_counts` (org, home county,
   * host district, status), of `member_org_counts` (org, status) and of `member_facet_counts`
   * (facet, org, home county, host district, status, value; the facet values by the same
   * function as its triggers, migration 0022), of `member_facet_totals` (facet, home county,
   * status, value; migration 0024) and of `member_facet_org_totals` (facet, org, status, value;
   * migration 0029) against its members.
   */
  async compareWithMembers(db: Executor): Promise<RollupComparison> {
    const [row] = await queryRows<ComparisonRow>(
      db,
      sql`with m as (
            select org_id, home_county, coalesce(host_district, '') as host_district, status,
                   count(*)::int as n
            from members group by 1, 2, 3, 4
          ),
          fm as (
            select f.facet, x.org_id, x.home_county, coalesce(x.host_district, '') as host_district,
                   x.status, f.value, count(*)::int as n
            from members x,
                 member_facet_values(x.birth_date, x.joined_at, x.education, x.member_type, x.source,
                                     x.gender, x.tags) f
            group by 1, 2, 3, 4, 5, 6
          ),
          cmp as (
            select 1 as ord, 'member_counts' as rollup, org_id, home_county, host_district, status,
                   null::text as facet, null::text as value, m.n as members, c.n as stored
            from m full join member_counts c using (org_id, home_county, host_district, status)
            union all
            select 2, 'member_org_counts', org_id, null, null, status, null, null, p.n, c.n
            from (select org_id, status, sum(n)::int as n from m group by 1, 2) p
            full join member_org_counts c using (org_id, status)
            union all
            select 3, 'member_facet_counts', org_id, home_county, host_district, status, facet, value,
                   fm.n, c.n
            from fm
            full join member_facet_counts c using (facet, org_id, home_county, host_district, status, value)
            union all
            select 4, 'member_facet_totals', null, home_county, null, status, facet, value, ft.n, c.n
            from (select facet, home_county, status, value, sum(n)::int as n from fm group by 1, 2, 3, 4) ft
            full join member_facet_totals c using (facet, home_county, status, value)
            union all
            select 5, 'member_facet_org_totals', org_id, null, null, status, facet, value, fo.n, c.n
            from (select facet, org_id, status, value, sum(n)::int as n from fm group by 1, 2, 3, 4) fo
            full join member_facet_org_totals c using (facet, org_id, status, value)
          )
          select s.groups, s.mismatches, f.rollup, f.org_id, f.home_county, f.host_district,
                 f.status, f.facet, f.value, f.members, f.stored
          from (select count(*)::int as groups,
                       (count(*) filter (where members is distinct from stored))::int as mismatches
                from cmp) s
          left join lateral (
            select rollup, org_id, home_county, host_district, status, facet, value, members, stored
            from cmp where members is distinct from stored
            order by ord, org_id, home_county, host_district, status, facet, value
            limit 1
          ) f on true`,
    );
    const r = row!;
    const first: RollupMismatch | null =
      r.rollup && r.status !== null
        ? {
            rollup: r.rollup,
            orgId: r.org_id,
            homeCounty: r.home_county,
            hostDistrict: r.host_district,
            status: r.status,
            facet: r.facet,
            value: r.value,
            members: r.members,
            stored: r.stored,
          }
        : null;
    return { groups: r.groups, mismatches: r.mismatches, first };
  },
};
