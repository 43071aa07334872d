import { and, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import {
  memberFacetCounts,
  memberFacetOrgTotals,
  memberFacetTotals,
  memberStatusEvents,
  members,
} from '../../../db/schema';
import type { Actor } from '../../../policy/policy';
import { holdersOf, scopeNamesDivisions } from '../../../policy/scope';
import { orgIdInSubtree } from '../../orgs/orgs.fragments';
import type { GroupColumns, GroupFilter } from '../record/members.scope';
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

/**
 * `member_facet_totals`: (facet, home county, status, value), migration 0024: member_facet_counts
 * summed over orgs and host districts. It has no org: read only where neither the scope nor the
 * filter names an org or a host district (`facetRollup` decides).
 */
export const FACET_TOTALS_COLUMNS: GroupColumns = {
  inOrgSubtree: () => {
    throw new Error('condition on an org subtree over member_facet_totals');
  },
  homeCounty: memberFacetTotals.homeCounty,
  hostDistrict: null,
  status: memberFacetTotals.status,
  memberId: null,
};

/**
 * `member_facet_org_totals`: (facet, org, status, value), migration 0029: member_facet_counts
 * summed over home counties and host districts. Read where neither the scope nor the filter names
 * a home county or a host district.
 */
export const FACET_ORG_TOTALS_COLUMNS: GroupColumns = {
  inOrgSubtree: (path) => orgIdInSubtree(memberFacetOrgTotals.orgId, path),
  homeCounty: null,
  hostDistrict: null,
  status: memberFacetOrgTotals.status,
  memberId: null,
};

/** Which facet rollup a read goes to: the full one, its totals by home county, or by org. */
export type FacetRollup = 'counts' | 'totals' | 'orgTotals';

const FACET_COLUMNS: Record<FacetRollup, GroupColumns> = {
  counts: FACET_ROLLUP.columns,
  totals: FACET_TOTALS_COLUMNS,
  orgTotals: FACET_ORG_TOTALS_COLUMNS,
};

/**
 * The smallest facet rollup that answers a read of the actor's `stats.read` scope under the filter.
 * The totals by home county answer whoever's scope and filter name no org and no host district:
 * the office, a home-county viewer (a few thousand rows, not ~250,000 at 1M). The totals by org
 * answer whoever's name no home county and no host district: a secretary, the office asking for
 * one org (a subtree's orgs' rows: ~1,400 where member_facet_counts holds ~80,000 for a
 * second-level committee at 10M).
 */
export function facetRollupFor(
  actor: Actor,
  filter: Pick<GroupFilter, 'orgPath' | 'homeCounty' | 'hostDistrict'>,
): { rollup: FacetRollup; columns: GroupColumns } {
  const holders = holdersOf(actor, 'stats.read');
  const noDistrict = filter.hostDistrict.length === 0;
  const rollup: FacetRollup =
    !filter.orgPath &&
    noDistrict &&
    (holders.some((a) => a.scopeKind === 'all') || holders.every((a) => a.scopeKind === 'home'))
      ? 'totals'
      : noDistrict && filter.homeCounty.length === 0 && !scopeNamesDivisions(actor, 'stats.read')
        ? 'orgTotals'
        : 'counts';
  return { rollup, columns: FACET_COLUMNS[rollup] };
}

export const FACET_TABLES = {
  counts: memberFacetCounts,
  totals: memberFacetTotals,
  orgTotals: memberFacetOrgTotals,
} as const;

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
  /**
   * Members by the values of one facet, from `member_facet_counts`, `member_facet_totals` or
   * `member_facet_org_totals`, under a condition over that table's columns.
   */
  async byFacet(
    db: Executor,
    facet: MemberFacet,
    rollup: FacetRollup,
    where: SQL | undefined,
  ): Promise<CountRow[]> {
    const t = FACET_TABLES[rollup];
    return db
      .select({ key: t.value, count: sql<number>`sum(${t.n})::int` })
      .from(t)
      .where(and(sql`${t.facet} = ${facet}`, where))
      .groupBy(t.value);
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
