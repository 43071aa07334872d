import { defineModule, mount } from '../../../lib/modules';
import { volunteerHoursRepository } from './volunteer-hours.repository';
import { volunteerHoursRoutes } from './volunteer-hours.routes';
import { createVolunteerHoursSeed } from './volunteer-hours.seed';
import { createVolunteerHoursService, type VolunteerHoursService } from './volunteer-hours.service';

declare module '../../../lib/modules' {
  interface ServiceRegistry {
    volunteerHours: {
      hours: VolunteerHoursService;
      /** The demo's self-reported hours: a few dozen reports of several committees. */
      seed: () => Promise<{ reports: number; approved: number }>;
    };
  }
}

/** Self-reported volunteer hours (自主志愿服务) with secretary approval, counted in the activity ledger. */
export const volunteerHoursModule = defineModule({
  name: 'volunteerHours',
  needs: ['orgs', 'members', 'users', 'notices', 'activity'],
  build({ db }, { orgs, members, users, notices, activity }) {
    return {
      hours: createVolunteerHoursService({
        db,
        members: members.record,
        orgs: orgs.tree,
        users,
        inbox: notices.inbox,
        activity,
      }),
      seed: createVolunteerHoursSeed({ db, tree: orgs.tree, accounts: users, activity }),
    };
  },
  routes: ({ hours }) => [mount('/volunteer/hours', volunteerHoursRoutes, { hours })],
  seed:
    ({ seed }) =>
    async () => {
      await seed();
    },
  subscribe(_services, events) {
    events.subscribe('org.subtree_moved', (tx, { oldPath, newPath }) =>
      volunteerHoursRepository.rewriteOrgPaths(tx, oldPath, newPath),
    );
  },
});
