import type { Action } from '@ningxin/shared';
import { and, type Column, inArray, type SQL } from 'drizzle-orm';
import { members } from '../../../db/schema';
import type { Actor, Target } from '../../../policy/policy';
import { inPathSubtree, type ScopeColumns, scopeCondition } from '../../../policy/scope';

/** The policy target of a member row. */
export const memberTarget = (m: {
  id: number;
  orgPath: string;
  homeCounty: string;
  hostDistrict: string | null;
}): Target => ({
  type: 'member',
  memberId: m.id,
  orgPath: m.orgPath,
  homeCounty: m.homeCounty,
  hostDistrict: m.hostDistrict,
});

export const inOrgSubtree = (path: string, column: Column = members.orgPath): SQL =>
  inPathSubtree(column, path);

/** The scope columns of `members` (a rollup of them names its own: counts/members.counts.source.ts). */
export const MEMBER_COLUMNS: ScopeColumns = {
  inOrgSubtree: (path) => inOrgSubtree(path),
  homeCounty: members.homeCounty,
  hostDistrict: members.hostDistrict,
  memberId: members.id,
};

/** The members the actor may take the action on (see `scopeCondition`). */
export const memberScopeCondition = (actor: Actor, action: Action, columns: ScopeColumns = MEMBER_COLUMNS) =>
  scopeCondition(actor, action, columns);

/** A column a group filter needs; a rollup without it must not have been chosen (a bug, not a 4xx). */
function needed(column: Column | null, name: string): Column {
  if (!column) throw new Error(`condition on ${name} over a rollup without it`);
  return column;
}

/** The list filters that whole groups answer: an org subtree, home counties, host districts, statuses. */
export interface GroupFilter {
  /** The path of the org whose subtree is asked for; null for no org filter. */
  orgPath: string | null;
  homeCounty: readonly string[];
  hostDistrict: readonly string[];
  status: readonly string[];
}

/** The status column of `members` or of a rollup, beside its scope columns. */
export type GroupColumns = ScopeColumns & { status: Column };

const MEMBER_GROUP_COLUMNS: GroupColumns = { ...MEMBER_COLUMNS, status: members.status };

export function groupCondition(
  f: GroupFilter,
  columns: GroupColumns = MEMBER_GROUP_COLUMNS,
): SQL | undefined {
  return and(
    f.orgPath ? columns.inOrgSubtree(f.orgPath) : undefined,
    f.homeCounty.length ? inArray(needed(columns.homeCounty, 'home county'), [...f.homeCounty]) : undefined,
    f.hostDistrict.length
      ? inArray(needed(columns.hostDistrict, 'host district'), [...f.hostDistrict])
      : undefined,
    f.status.length ? inArray(columns.status, [...f.status]) : undefined,
  );
}

/** Keys of the list query that are paging, order, or a filter whole groups answer (GroupFilter). */
const GROUPWISE_KEYS = new Set([
  'sort',
  'order',
  'limit',
  'cursor',
  'orgId',
  'homeCounty',
  'hostDistrict',
  'status',
]);

/**
 * Whether a list query filters by nothing but whole groups of the `member_counts` rollup. Any
 * other filter, including one added to the query later, needs the rows.
 */
export const filtersWholeGroups = (q: Record<string, unknown>): boolean =>
  Object.entries(q).every(
    ([key, v]) =>
      GROUPWISE_KEYS.has(key) || v === undefined || v === '' || (Array.isArray(v) && v.length === 0),
  );
