import { and, type Column, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { memberCounts, memberOrgCounts } from '../../../db/schema';
import type { Actor } from '../../../policy/policy';
import { scopeNamesDivisions } from '../../../policy/scope';
import { orgIdInSubtree } from '../../orgs/orgs.fragments';
import {
  type GroupColumns,
  type GroupFilter,
  groupCondition,
  memberScopeCondition,
} from '../record/members.scope';

/** A rollup of members kept exact by triggers on `members` (migrations 0005, 0009). */
export interface Rollup {
  table: PgTable;
  n: PgColumn;
  orgId: PgColumn;
  status: PgColumn;
  /** What scope and filter conditions over it are built on. */
  columns: GroupColumns;
}

/**
 * A rollup keeps the org's id, not its path: a subtree is the ids of its orgs (a few for a
 * secretary: the rollup's key index finds their rows).
 */
const subtreeOf = (orgId: Column) => (path: string) => orgIdInSubtree(orgId, path);

/** `member_counts`: (org, home county, host district, status), ~37,000 rows at 1M members. */
export const GROUP_ROLLUP: Rollup = {
  table: memberCounts,
  n: memberCounts.n,
  orgId: memberCounts.orgId,
  status: memberCounts.status,
  columns: {
    inOrgSubtree: subtreeOf(memberCounts.orgId),
    homeCounty: memberCounts.homeCounty,
    hostDistrict: memberCounts.hostDistrict,
    status: memberCounts.status,
    memberId: null,
  },
};

/** `member_org_counts`: (org, status), a few hundred rows at 1M members; no county, no district. */
export const ORG_ROLLUP: Rollup = {
  table: memberOrgCounts,
  n: memberOrgCounts.n,
  orgId: memberOrgCounts.orgId,
  status: memberOrgCounts.status,
  columns: {
    inOrgSubtree: subtreeOf(memberOrgCounts.orgId),
    homeCounty: null,
    hostDistrict: null,
    status: memberOrgCounts.status,
    memberId: null,
  },
};

/** A rollup and the condition over it that a count reads. */
export interface CountSource {
  rollup: Rollup;
  where: SQL | undefined;
}

/**
 * What a count of members within the actor's read scope and a group filter reads: the small
 * (org, status) rollup unless the scope, the filter or the count itself (`byHomeCounty`) names a
 * home county or host district; then the full one. The only place the choice is made.
 */
export function countSource(actor: Actor, filter: GroupFilter, byHomeCounty = false): CountSource {
  const needsDivisions =
    byHomeCounty ||
    filter.homeCounty.length > 0 ||
    filter.hostDistrict.length > 0 ||
    scopeNamesDivisions(actor, 'member.read');
  const rollup = needsDivisions ? GROUP_ROLLUP : ORG_ROLLUP;
  return {
    rollup,
    where: and(
      memberScopeCondition(actor, 'member.read', rollup.columns),
      groupCondition(filter, rollup.columns),
    ),
  };
}
