import { and } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../policy/policy';
import type { OrgsService } from '../../orgs/orgs.service';
import {
  type GroupColumns,
  type GroupFilter,
  groupCondition,
  memberScopeCondition,
} from '../record/members.scope';
import { type CountRow, memberCountsRepository } from './members.counts.repository';
import { type CountSource, GROUP_ROLLUP, type Rollup } from './members.counts.source';
import {
  type FlowRow,
  facetRollupFor,
  type MemberFacet,
  memberStatsRepository,
} from './members.stats.repository';

/** What member statistics group by: the columns of member_counts, or a facet of member_facet_counts. */
export type MemberStatsDimension = 'committee' | 'homeCounty' | 'hostDistrict' | 'status' | MemberFacet;

/** A filter of the statistics: an org subtree (by id), home counties, host districts, statuses. */
export interface MemberStatsFilter {
  orgId?: number | undefined;
  homeCounty: readonly string[];
  hostDistrict: readonly string[];
  status: readonly string[];
}

export type MemberStatsRow = CountRow & { name?: string };

/**
 * Member figures for the statistics (统计), within the actor's `stats.read` scope: counts by a
 * dimension read from the rollups kept by triggers (member_counts, member_facet_counts and its
 * totals by county or by org), never from the members; and a year's status changes by month from
 * the status timeline.
 */
export function createMemberStats({ db, orgs }: { db: Db; orgs: OrgsService }) {
  async function groupFilter(f: MemberStatsFilter): Promise<GroupFilter> {
    const orgPath = f.orgId ? ((await orgs.lookup(db, f.orgId))?.path ?? '-') : null;
    return { orgPath, homeCounty: f.homeCounty, hostDistrict: f.hostDistrict, status: f.status };
  }

  const within = (actor: Actor, columns: GroupColumns, filter: GroupFilter) =>
    and(memberScopeCondition(actor, 'stats.read', columns), groupCondition(filter, columns));
  const sourceOver = (actor: Actor, rollup: Rollup, filter: GroupFilter): CountSource => ({
    rollup,
    where: within(actor, rollup.columns, filter),
  });

  return {
    async counts(actor: Actor, by: MemberStatsDimension, f: MemberStatsFilter): Promise<MemberStatsRow[]> {
      const filter = await groupFilter(f);
      switch (by) {
        case 'committee':
          return memberCountsRepository.byCommittee(db, sourceOver(actor, GROUP_ROLLUP, filter));
        case 'homeCounty':
          return memberCountsRepository.byHomeCounty(db, sourceOver(actor, GROUP_ROLLUP, filter));
        case 'hostDistrict':
          return memberCountsRepository.byHostDistrict(db, sourceOver(actor, GROUP_ROLLUP, filter));
        case 'status':
          return memberCountsRepository.byStatus(db, sourceOver(actor, GROUP_ROLLUP, filter));
        default: {
          const { rollup, columns } = facetRollupFor(actor, filter);
          return memberStatsRepository.byFacet(db, by, rollup, within(actor, columns, filter));
        }
      }
    },

    /** The year's status changes by month of the members in scope and filter (their current group). */
    async flow(actor: Actor, year: number, f: MemberStatsFilter): Promise<FlowRow[]> {
      const filter = await groupFilter(f);
      return memberStatsRepository.flow(
        db,
        year,
        and(memberScopeCondition(actor, 'stats.read'), groupCondition({ ...filter, status: [] })),
      );
    },
  };
}

export type MemberStats = ReturnType<typeof createMemberStats>;
