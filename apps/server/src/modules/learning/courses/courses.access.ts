/** What the course services share: dependencies, scope, the course a manager may touch, the member. */
import { localIsoDate } from '@ningxin/shared';
import type { Db, Executor } from '../../../db/client';
import { courses } from '../../../db/schema';
import { notFound } from '../../../lib/errors';
import { type Actor, assertHolds } from '../../../policy/policy';
import { inPathSubtree, scopeCondition } from '../../../policy/scope';
import type { ActivityService } from '../../activity/activity.service';
import type { FilesService } from '../../files/files.service';
import type { MembersService } from '../../members/record/members.service';
import type { InboxService } from '../../notices/inbox.service';
import type { OrgsService } from '../../orgs/orgs.service';
import type { PositionsService } from '../../orgs/positions.service';
import type { UsersService } from '../../users/users.service';
import { notAMember } from './courses.errors';
import { coursesRepository as repo } from './courses.repository';

export interface CoursesDeps {
  db: Db;
  orgs: Pick<OrgsService, 'lookup'>;
  positions: Pick<PositionsService, 'titlesHeld'>;
  members: Pick<MembersService, 'placements'>;
  users: Pick<UsersService, 'memberAccounts'>;
  activity: Pick<ActivityService, 'record'>;
  inbox: Pick<InboxService, 'post'>;
  files: Pick<FilesService, 'list' | 'download'>;
  /** The clock (tests of the rules move it). */
  now?: () => Date;
}

export function createCoursesAccess(deps: CoursesDeps) {
  const { positions, members } = deps;
  const now = deps.now ?? (() => new Date());

  const scope = (actor: Actor) =>
    scopeCondition(actor, 'course.manage', {
      inOrgSubtree: (path) => inPathSubtree(courses.orgPath, path),
      homeCounty: null,
      hostDistrict: null,
      memberId: null,
    });

  /** The course, if the actor manages it (404 otherwise). */
  async function managedCourse(executor: Executor, actor: Actor, id: number, lock = false) {
    assertHolds(actor, 'course.manage');
    const row = await repo.findById(executor, id, scope(actor), lock);
    if (!row) throw notFound('课程');
    return row;
  }

  /** Placement and positions of each member (for the audience rule). */
  async function audienceOf(executor: Executor, memberIds: readonly number[]) {
    const placed = await members.placements(executor, memberIds);
    const titles = await positions.titlesHeld(
      executor,
      placed.map((p) => ({ orgId: p.orgId, name: p.name })),
      localIsoDate(now()),
    );
    return new Map(
      placed.map((p) => [p.id, { ...p, titles: titles.get(`${p.orgId}:${p.name}`) ?? [] }] as const),
    );
  }

  /** The member record of a member's own account (member.self). */
  function ownMemberId(actor: Actor): number {
    assertHolds(actor, 'member.self');
    const id =
      actor.memberId ??
      actor.assignments.find((a) => a.role === 'member' && a.scopeKind === 'self')?.memberId ??
      null;
    if (!id) throw notAMember();
    return id;
  }

  return { ...deps, now, scope, managedCourse, audienceOf, ownMemberId };
}

export type CoursesAccess = ReturnType<typeof createCoursesAccess>;
