/** The demo's care records (filled in with the seed step). */
import type { Db } from '../../db/client';
import type { ActivityService } from '../activity/activity.service';
import type { OrgsService } from '../orgs/orgs.service';

export interface CareSeedDeps {
  db: Db;
  orgs: Pick<OrgsService, 'topCommittee'>;
  activity: Pick<ActivityService, 'recordSelected'>;
}

export function createCareSeed(_deps: CareSeedDeps) {
  return async () => {};
}

export type CareSeed = ReturnType<typeof createCareSeed>;
