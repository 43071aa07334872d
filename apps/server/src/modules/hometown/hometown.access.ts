/** What the hometown services share: dependencies, scope, the recording org, counties and members. */
import { type Action, divisionName, isDivisionOf } from '@ningxin/shared';
import type { Column } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { type Actor, can, coversOrgPath } from '../../policy/policy';
import { inPathSubtree, scopeCondition } from '../../policy/scope';
import type { ActivityService } from '../activity/activity.service';
import type { MembersService } from '../members/record/members.service';
import type { OrgsService } from '../orgs/orgs.service';
import { memberNotUsable, orgNotUsable, unknownCounty } from './hometown.errors';

export interface HometownDeps {
  db: Db;
  /** The home city (流出地) whose counties the records serve. */
  homeCity: string;
  orgs: Pick<OrgsService, 'lookup'>;
  members: Pick<MembersService, 'placements'>;
  activity: Pick<ActivityService, 'record' | 'reverse' | 'reverseFor' | 'recordSelected'>;
}

/** The ledger entries' source module. */
export const SOURCE = 'hometown';

export function createHometownAccess(deps: HometownDeps) {
  const { homeCity, orgs, members } = deps;

  /**
   * The records the actor may take the action on: those recorded in the actor's subtree, and
   * for a home viewer those serving the viewer's county.
   */
  const scope = (actor: Actor, action: Action, orgPath: Column, county: Column) =>
    scopeCondition(actor, action, {
      inOrgSubtree: (path) => inPathSubtree(orgPath, path),
      homeCounty: county,
      hostDistrict: null,
      memberId: null,
    });

  /** The org that records: open and in the actor's write scope (400 otherwise). */
  async function recordingOrg(executor: Executor, actor: Actor, orgId: number) {
    const org = await orgs.lookup(executor, orgId);
    if (!org || org.closedAt || !coversOrgPath(actor, 'hometown.write', org.path)) throw orgNotUsable();
    return org;
  }

  /** A county of the home city (400 naming the field otherwise). */
  function checkCounty(code: string, path = 'countyCode') {
    if (!isDivisionOf(homeCity, code)) throw unknownCounty(path);
  }

  /**
   * Members the actor may read (a secretary names members of the subtree), in the given order;
   * 400 naming the first that is not.
   */
  async function readableMembers(
    executor: Executor,
    actor: Actor,
    ids: readonly number[],
    pathOf: (index: number) => string,
  ) {
    const placed = new Map((await members.placements(executor, ids)).map((m) => [m.id, m]));
    return ids.map((id, i) => {
      const m = placed.get(id);
      if (
        !m ||
        !can(actor, 'member.read', {
          type: 'member',
          orgPath: m.orgPath,
          homeCounty: m.homeCounty,
          hostDistrict: m.hostDistrict,
          memberId: m.id,
        })
      )
        throw memberNotUsable(pathOf(i));
      return m;
    });
  }

  const county = (code: string) => ({ code, name: divisionName(code) ?? code });
  const policies = (actor: Actor, orgPath: string) => {
    const write = coversOrgPath(actor, 'hometown.write', orgPath);
    return { edit: write, delete: write };
  };

  return { ...deps, scope, recordingOrg, checkCounty, readableMembers, county, policies };
}

export type HometownAccess = ReturnType<typeof createHometownAccess>;

/** Text matching `%words%` with LIKE's wildcards escaped. */
export const likeWords = (words: string) => `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
