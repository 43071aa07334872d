/** What the training services share: dependencies, scope, the class or session a manager may touch. */
import { type EnrolmentResponse, localIsoDate } from '@ningxin/shared';
import type { Db, Executor } from '../../../db/client';
import { trainings } from '../../../db/schema';
import { notFound } from '../../../lib/errors';
import type { SignInCodes } from '../../../lib/sign-in-codes';
import { type Actor, assertHolds } from '../../../policy/policy';
import { inPathSubtree, scopeCondition } from '../../../policy/scope';
import type { ActivityService } from '../../activity/activity.service';
import type { MembersService } from '../../members/record/members.service';
import type { InboxService } from '../../notices/inbox.service';
import type { OrgsService } from '../../orgs/orgs.service';
import type { PositionsService } from '../../orgs/positions.service';
import type { SettingsService } from '../../settings/settings.service';
import type { UsersService } from '../../users/users.service';
import { notAMember } from './trainings.errors';
import { mapEnrolment } from './trainings.mapper';
import { trainingsRepository as repo } from './trainings.repository';

export interface TrainingsDeps {
  db: Db;
  orgs: OrgsService;
  positions: Pick<PositionsService, 'titlesHeld'>;
  members: Pick<MembersService, 'placements'>;
  users: Pick<UsersService, 'memberAccounts'>;
  activity: Pick<ActivityService, 'recordMany'>;
  inbox: Pick<InboxService, 'post'>;
  settings: Pick<SettingsService, 'get'>;
  codes: SignInCodes;
}

export const ON_ROLLS = ['active', 'lost'];
export const ACTIVE = ['enrolled', 'waitlisted', 'completed'];

/** Whether a class may still be changed (not finished, not cancelled). */
export const canChange = (state: string) => state !== 'finished' && state !== 'cancelled';

export function createTrainingsAccess(deps: TrainingsDeps) {
  const { positions, members, settings } = deps;
  const today = () => localIsoDate(new Date());

  const scope = (actor: Actor) =>
    scopeCondition(actor, 'training.manage', {
      inOrgSubtree: (path) => inPathSubtree(trainings.orgPath, path),
      homeCounty: null,
      hostDistrict: null,
      memberId: null,
    });

  /** The class, if the actor manages it (404 otherwise). */
  async function managedClass(executor: Executor, actor: Actor, id: number, lock = false) {
    assertHolds(actor, 'training.manage');
    const row = await repo.findById(executor, id, scope(actor), lock);
    if (!row) throw notFound('培训班');
    return row;
  }

  /** Who may enrol: placement and positions of each member. */
  async function audienceOf(executor: Executor, memberIds: readonly number[]) {
    const placed = await members.placements(executor, memberIds);
    const titles = await positions.titlesHeld(
      executor,
      placed.map((p) => ({ orgId: p.orgId, name: p.name })),
      today(),
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

  async function enrolmentsByIds(executor: Executor, ids: readonly number[]) {
    const out: EnrolmentResponse[] = [];
    for (const id of ids) {
      const row = await repo.enrolment(executor, id);
      if (row) out.push(mapEnrolment(row));
    }
    return out;
  }

  /** The session and its class, if the actor manages the class (404 otherwise). */
  async function managedSession(executor: Executor, actor: Actor, sessionId: number, trainingId?: number) {
    assertHolds(actor, 'training.manage');
    const session = await repo.session(executor, sessionId);
    if (!session || (trainingId !== undefined && session.trainingId !== trainingId))
      throw notFound('培训课次');
    const training = await repo.findById(executor, session.trainingId, scope(actor));
    if (!training) throw notFound('培训课次');
    return { session, training };
  }

  const signInWindow = (executor: Executor) => settings.get('life.signInWindow', executor);

  return {
    ...deps,
    today,
    scope,
    managedClass,
    audienceOf,
    ownMemberId,
    enrolmentsByIds,
    managedSession,
    signInWindow,
  };
}

export type TrainingsAccess = ReturnType<typeof createTrainingsAccess>;
