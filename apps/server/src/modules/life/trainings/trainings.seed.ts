import type { Db } from '../../../db/client';
import type { MembersService } from '../../members/record/members.service';
import type { OrgsService } from '../../orgs/orgs.service';
import type { UsersService } from '../../users/users.service';
import type { TrainingsService } from './trainings.service';

export function createTrainingsSeed(_deps: {
  db: Db;
  users: UsersService;
  orgs: { tree: OrgsService; positions: unknown };
  members: MembersService;
  trainings: TrainingsService;
}) {
  return async () => ({ trainings: 0 });
}
