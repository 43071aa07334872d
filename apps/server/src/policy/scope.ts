import { type Action, ROLE_ACTIONS } from '@ningxin/shared';
import { type Column, eq, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import { forbidden } from '../lib/errors';
import type { Actor, Assignment } from './policy';

/**
 * The actor's scope as an SQL condition: the same rules as `scopeCovers` in policy.ts, for a
 * query over many records. Every module's list queries narrow by it, naming the columns its
 * records carry: the org path they belong to, and where they have them, the member's home county,
 * host district and id. A test holds the SQL and the JS rules to the same answer for every demo
 * role and record kind (policy/scope.int.test.ts).
 */

/** What a scope reads in a table: the columns its records carry (null where it has none). */
export interface ScopeColumns {
  /** Rows in the subtree of the org at `path`. */
  inOrgSubtree(path: string): SQL;
  /**
   * The member's home county (流出地); null in a table without one, whose rows a home scope then
   * does not reach (a rollup summed over counties is read only for actors without such a scope).
   */
  homeCounty: Column | null;
  /** The member's host district (流入地). */
  hostDistrict: Column | null;
  /** The member's id, for a member's own record (scope self). */
  memberId: Column | null;
}

/** Rows whose org path is the path or lies below it (materialized path `1.5.23`). */
export const inPathSubtree = (column: Column, path: string): SQL =>
  or(eq(column, path), like(column, `${path}.%`))!;

/** The assignments that grant the action; 403 for an actor who may never take it. */
export function holdersOf(actor: Actor, action: Action): Assignment[] {
  const holders = actor.assignments.filter((a) => ROLE_ACTIONS[a.role].includes(action));
  if (holders.length === 0) throw forbidden();
  return holders;
}

/**
 * The rows the actor may take the action on, as a condition over `columns`: undefined for
 * everything, else the union of the actor's scopes. Throws 403 for an actor who may never take
 * the action. Where the table has no member id, a self scope adds nothing, and an actor whose
 * only scope it is gets 403. Home and host scopes reach rows through their columns only: an
 * org-owned record (no member columns) is outside them.
 */
export function scopeCondition(actor: Actor, action: Action, columns: ScopeColumns): SQL | undefined {
  const holders = holdersOf(actor, action);
  if (holders.some((a) => a.scopeKind === 'all')) return undefined;
  const parts: SQL[] = [];
  const divisions = (kind: 'home' | 'host') =>
    holders.filter((a) => a.scopeKind === kind && a.division).map((a) => a.division as string);
  for (const a of holders) {
    if (a.scopeKind === 'org' && a.orgPath) parts.push(columns.inOrgSubtree(a.orgPath));
  }
  const homes = divisions('home');
  const hosts = divisions('host');
  if (homes.length && columns.homeCounty) parts.push(inArray(columns.homeCounty, homes));
  if (hosts.length && columns.hostDistrict) parts.push(inArray(columns.hostDistrict, hosts));
  const selves = holders.filter((a) => a.scopeKind === 'self' && a.memberId != null);
  if (columns.memberId) {
    for (const a of selves) parts.push(eq(columns.memberId, a.memberId));
  } else if (parts.length === 0 && selves.length > 0) {
    throw forbidden();
  }
  return parts.length ? or(...parts) : sql`false`;
}

/** Whether the actor's scope for the action is made of whole groups only (no own-record scope). */
export const scopeIsGroupwise = (actor: Actor, action: Action): boolean =>
  holdersOf(actor, action).every((a) => a.scopeKind !== 'self');

/**
 * Whether `scopeCondition` for the action names a home county or host district: the actor holds
 * it by a home or host scope and by no scope over everything.
 */
export const scopeNamesDivisions = (actor: Actor, action: Action): boolean => {
  const holders = holdersOf(actor, action);
  return (
    !holders.some((a) => a.scopeKind === 'all') &&
    holders.some((a) => (a.scopeKind === 'home' || a.scopeKind === 'host') && a.division)
  );
};
