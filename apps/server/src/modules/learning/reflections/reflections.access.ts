/** What the reflection and report services share: dependencies, the actor's own record, scopes. */
import { localIsoDate } from '@ningxin/shared';
import type { Db, Executor } from '../../../db/client';
import { type Actor, selfMemberId } from '../../../policy/policy';
import type { MeetingAttendance } from '../../life/meetings/meetings.attendance';
import type { MeetingsService } from '../../life/meetings/meetings.service';
import type { MyTrainingsService } from '../../life/trainings/trainings.mine.service';
import type { MembersService } from '../../members/record/members.service';
import type { InboxService } from '../../notices/inbox.service';
import type { OrgsService } from '../../orgs/orgs.service';
import type { PositionsService } from '../../orgs/positions.service';
import type { UsersService } from '../../users/users.service';
import { notAMember } from './reflections.errors';

export interface ReflectionsDeps {
  db: Db;
  orgs: Pick<OrgsService, 'lookup'>;
  positions: Pick<PositionsService, 'titlesHeld'>;
  members: Pick<MembersService, 'placements'>;
  users: Pick<UsersService, 'memberAccounts' | 'roleHolders'>;
  inbox: Pick<InboxService, 'post'>;
  /** A meeting's topic, if the actor may see it (the life module's). */
  meetings: Pick<MeetingsService, 'visibleTopic' | 'topics'>;
  /** The meetings a member attended (the life module's). */
  attendance: Pick<MeetingAttendance, 'mine'>;
  /** A training class's title, if the actor may see it (the trainings module's). */
  trainings: Pick<MyTrainingsService, 'visibleTitle' | 'titles' | 'mine'>;
}

/** The actor's own member record; 409 for an account that is no member. */
export function ownMemberId(actor: Actor): number {
  const id = selfMemberId(actor);
  if (id === null) throw notAMember();
  return id;
}

export const today = () => localIsoDate(new Date());
export const thisYear = () => Number(today().slice(0, 4));
export const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Where a member is placed and the positions they hold today (for a course's audience). */
export async function placementOf(deps: ReflectionsDeps, executor: Executor, memberId: number) {
  const [p] = await deps.members.placements(executor, [memberId]);
  if (!p) return null;
  const titles = await deps.positions.titlesHeld(executor, [{ orgId: p.orgId, name: p.name }], today());
  return { ...p, titles: titles.get(`${p.orgId}:${p.name}`) ?? [] };
}
