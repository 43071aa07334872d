import { type Action, ROLE_ACTIONS } from '@ningxin/shared';
import { eq, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import { members } from '../../db/schema';
import { forbidden } from '../../lib/errors';
import type { Actor, Target } from '../../policy/policy';

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

export const inOrgSubtree = (path: string): SQL =>
  or(eq(members.orgPath, path), like(members.orgPath, `${path}.%`))!;

/**
 * The rows of `members` the actor may take the action on, as a condition for the query:
 * undefined for everything, else the union of the actor's scopes. Throws 403 for an actor who
 * may never take the action. The same rules as `scopeCovers` in the policy module, in SQL.
 */
export function memberScopeCondition(actor: Actor, action: Action): SQL | undefined {
  const holders = actor.assignments.filter((a) => ROLE_ACTIONS[a.role].includes(action));
  if (holders.length === 0) throw forbidden();
  if (holders.some((a) => a.scopeKind === 'all')) return undefined;
  const parts: SQL[] = [];
  const homes = holders.filter((a) => a.scopeKind === 'home' && a.division).map((a) => a.division as string);
  const hosts = holders.filter((a) => a.scopeKind === 'host' && a.division).map((a) => a.division as string);
  for (const a of holders) {
    if (a.scopeKind === 'org' && a.orgPath) parts.push(inOrgSubtree(a.orgPath));
    if (a.scopeKind === 'self' && a.memberId != null) parts.push(eq(members.id, a.memberId));
  }
  if (homes.length) parts.push(inArray(members.homeCounty, homes));
  if (hosts.length) parts.push(inArray(members.hostDistrict, hosts));
  return parts.length ? or(...parts) : sql`false`;
}
