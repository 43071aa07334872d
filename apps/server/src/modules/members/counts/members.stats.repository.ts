import { and, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { memberFacetCounts, memberStatusEvents, members } from '../../../db/schema';
import { orgIdInSubtree } from '../../orgs/orgs.fragments';
import type { CountRow } from './members.counts.repository';
import type { Rollup } from './members.counts.source';

/** `member_facet_counts`: (facet, org, home county, host district, status, value), migration 0022. */
export const FACET_ROLLUP: Rollup = {
  table: memberFacetCounts,
  n: memberFacetCounts.n,
  orgId: memberFacetCounts.orgId,
  status: memberFacetCounts.status,
  columns: {
    inOrgSubtree: (path) => orgIdInSubtree(memberFacetCounts.orgId, path),
    homeCounty: memberFacetCounts.homeCounty,
    hostDistrict: memberFacetCounts.hostDistrict,
    status: memberFacetCounts.status,
    memberId: null,
  },
};

/** The facets member_facet_counts keeps (its `facet` column). */
export type MemberFacet =
  | 'birth_year'
  | 'joined_year'
  | 'education'
  | 'member_type'
  | 'source'
  | 'gender'
  | 'tag';

/** One month's status changes of a kind (from_status null: the record was created). */
export interface FlowRow {
  month: number;
  fromStatus: string | null;
  toStatus: string;
  found: boolean;
  count: number;
}

export const memberStatsRepository = {
  /** Members by the values of one facet, from `member_facet_counts`, under the source's condition. */
  async byFacet(db: Executor, facet: MemberFacet, where: SQL | undefined): Promise<CountRow[]> {
    return db
      .select({ key: memberFacetCounts.value, count: sql<number>`sum(${memberFacetCounts.n})::int` })
      .from(memberFacetCounts)
      .where(and(sql`${memberFacetCounts.facet} = ${facet}`, where))
      .groupBy(memberFacetCounts.value);
  },

  /**
   * A year's status changes by month, from the status timeline of the members under `where` (a
   * condition over `members`): one grouped read of the year's events. Events have no date index:
   * a year's worth is read through the members the condition keeps.
   */
  async flow(db: Executor, year: number, where: SQL | undefined): Promise<FlowRow[]> {
    const rows = await db
      .select({
        month: sql<number>`extract(month from ${memberStatusEvents.effectiveDate})::int`,
        fromStatus: memberStatusEvents.fromStatus,
        toStatus: memberStatusEvents.toStatus,
        found: sql<boolean>`${members.source} = 'found'`,
        count: sql<number>`count(*)::int`,
      })
      .from(memberStatusEvents)
      .innerJoin(members, sql`${members.id} = ${memberStatusEvents.memberId}`)
      .where(
        and(
          gte(memberStatusEvents.effectiveDate, `${year}-01-01`),
          lt(memberStatusEvents.effectiveDate, `${year + 1}-01-01`),
          where,
        ),
      )
      .groupBy(sql`1`, sql`2`, sql`3`, sql`4`);
    return rows;
  },
};
