import { type Action, ROLE_ACTIONS } from '@ningxin/shared';
import { and, type Column, eq, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import { members } from '../../db/schema';
import { forbidden } from '../../lib/errors';
import type { Actor, Assignment, Target } from '../../policy/policy';

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
  or(eq(column, path), like(column, `${path}.%`))!;

/** What a scope or a group filter reads: `members`, or a rollup of them (members.counts.source.ts). */
export interface ScopeColumns {
  /** Rows in the subtree of the org at `path`. */
  inOrgSubtree(path: string): SQL;
  /** Null in a rollup that adds up over home counties and host districts: no condition may name them. */
  homeCounty: Column | null;
  hostDistrict: Column | null;
  status: Column;
  /** The member's id, for a self scope; a rollup of groups has none. */
  memberId: Column | null;
}

export const MEMBER_COLUMNS: ScopeColumns = {
  inOrgSubtree: (path) => inOrgSubtree(path),
  homeCounty: members.homeCounty,
  hostDistrict: members.hostDistrict,
  status: members.status,
  memberId: members.id,
};

function holdersOf(actor: Actor, action: Action): Assignment[] {
  const holders = actor.assignments.filter((a) => ROLE_ACTIONS[a.role].includes(action));
  if (holders.length === 0) throw forbidden();
  return holders;
}

/** A column a condition needs; a rollup without it must not have been chosen (a bug, not a 4xx). */
function needed(column: Column | null, name: string): Column {
  if (!column) throw new Error(`condition on ${name} over a rollup without it`);
  return column;
}

/** Whether the actor's scope for the action is made of whole groups only (no own-record scope). */
export const scopeIsGroupwise = (actor: Actor, action: Action): boolean =>
  holdersOf(actor, action).every((a) => a.scopeKind !== 'self');

/**
 * Whether `memberScopeCondition` for the action names a home county or host district: the actor
 * holds it by a home or host scope and by no scope over everything.
 */
export const scopeNamesDivisions = (actor: Actor, action: Action): boolean => {
  const holders = holdersOf(actor, action);
  return (
    !holders.some((a) => a.scopeKind === 'all') &&
    holders.some((a) => (a.scopeKind === 'home' || a.scopeKind === 'host') && a.division)
  );
};

/**
 * The rows the actor may take the action on, as a condition over `columns` (members by
 * default): undefined for everything, else the union of the actor's scopes. Throws 403 for an
 * actor who may never take the action. The same rules as `scopeCovers` in the policy module, in
 * SQL. Over the rollup a self scope (one's own record) is no group: it adds nothing, and an
 * actor whose only scope it is gets 403.
 */
export function memberScopeCondition(
  actor: Actor,
  action: Action,
  columns: ScopeColumns = MEMBER_COLUMNS,
): SQL | undefined {
  const holders = holdersOf(actor, action);
  if (holders.some((a) => a.scopeKind === 'all')) return undefined;
  const parts: SQL[] = [];
  const homes = holders.filter((a) => a.scopeKind === 'home' && a.division).map((a) => a.division as string);
  const hosts = holders.filter((a) => a.scopeKind === 'host' && a.division).map((a) => a.division as string);
  const selves = holders.filter((a) => a.scopeKind === 'self' && a.memberId != null);
  for (const a of holders) {
    if (a.scopeKind === 'org' && a.orgPath) parts.push(columns.inOrgSubtree(a.orgPath));
  }
  if (homes.length) parts.push(inArray(needed(columns.homeCounty, 'home county'), homes));
  if (hosts.length) parts.push(inArray(needed(columns.hostDistrict, 'host district'), hosts));
  if (columns.memberId) {
    for (const a of selves) parts.push(eq(columns.memberId, a.memberId));
  } else if (parts.length === 0 && selves.length > 0) {
    throw forbidden();
  }
  return parts.length ? or(...parts) : sql`false`;
}

/** The list filters that whole groups answer: an org subtree, home counties, host districts, statuses. */
export interface GroupFilter {
  /** The path of the org whose subtree is asked for; null for no org filter. */
  orgPath: string | null;
  homeCounty: readonly string[];
  hostDistrict: readonly string[];
  status: readonly string[];
}

export function groupCondition(f: GroupFilter, columns: ScopeColumns = MEMBER_COLUMNS): SQL | undefined {
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
