/** What the care services share: dependencies, scope, the member a record is about, policies. */
import { type Action, ROLE_ACTIONS } from '@ningxin/shared';
import { type Column, or, type SQL, sql } from 'drizzle-orm';
import { type Db, type Executor, queryRows } from '../../db/client';
import { type Actor, can, coversOrgPath } from '../../policy/policy';
import { inPathSubtree, scopeCondition } from '../../policy/scope';
import type { ActivityService } from '../activity/activity.service';
import { memberInScope } from '../members/members.fragments';
import type { MembersService } from '../members/record/members.service';
import type { OrgsService } from '../orgs/orgs.service';
import { memberNotUsable } from './care.errors';

export interface CareDeps {
  db: Db;
  orgs: Pick<OrgsService, 'lookup' | 'namesAlong' | 'topCommittee'>;
  members: Pick<MembersService, 'placements' | 'anniversariesWithin'>;
  activity: Pick<ActivityService, 'record' | 'reverse'>;
}

/** The ledger entries' source module. */
export const SOURCE = 'care';

export function createCareAccess(deps: CareDeps) {
  const { members } = deps;

  /**
   * The records the actor may take the action on: those kept in the actor's subtree (the org the
   * member was in), and for a home viewer those about members whose home is the viewer's county.
   * 403 for an actor who may never take it.
   */
  function scope(actor: Actor, action: Action, orgPath: Column, memberId: Column | null): SQL | undefined {
    const own = scopeCondition(actor, action, {
      inOrgSubtree: (path) => inPathSubtree(orgPath, path),
      homeCounty: null,
      hostDistrict: null,
      memberId: null,
    });
    if (own === undefined) return undefined;
    const homes = actor.assignments.filter(
      (a) => a.scopeKind === 'home' && a.division && ROLE_ACTIONS[a.role].includes(action),
    );
    if (!homes.length || !memberId) return own;
    return or(own, memberInScope(memberId, { ...actor, assignments: homes }, action));
  }

  /** The member a record is about: one the actor may write care records for (400 naming the field otherwise). */
  async function writableMember(executor: Executor, actor: Actor, id: number, path = 'memberId') {
    const [m] = await members.placements(executor, [id]);
    if (
      !m ||
      !can(actor, 'care.write', {
        type: 'member',
        orgPath: m.orgPath,
        homeCounty: m.homeCounty,
        hostDistrict: m.hostDistrict,
        memberId: m.id,
      })
    )
      throw memberNotUsable(path);
    return m;
  }

  const policies = (actor: Actor, orgPath: string) => {
    const write = coversOrgPath(actor, 'care.write', orgPath);
    return { edit: write, delete: write };
  };

  /** The path of the org filtered on (an unknown org filters to nothing). */
  async function orgFilter(executor: Executor, orgId: number | undefined) {
    if (!orgId) return null;
    return (await deps.orgs.lookup(executor, orgId))?.path ?? '-';
  }

  return { ...deps, scope, writableMember, policies, orgFilter };
}

export type CareAccess = ReturnType<typeof createCareAccess>;

/** Days of a year as a BETWEEN condition's bounds. */
export const yearBounds = (year: number) => [`${year}-01-01`, `${year}-12-31`] as const;

/** The care tables' org paths follow a moved subtree (the event `org.subtree_moved`). */
export async function rewriteCareOrgPaths(db: Executor, oldPath: string, newPath: string) {
  for (const table of ['care_visits', 'care_help', 'honours'])
    await queryRows(
      db,
      sql`update ${sql.identifier(table)} set org_path = ${newPath} || substr(org_path, ${oldPath.length + 1})
        where org_path = ${oldPath} or org_path like ${`${oldPath}.%`}`,
    );
}
