import { defineModule, mount } from '../../lib/modules';
import { contactEntry, statusEntry } from './activity.members';
import { activityRepository } from './activity.repository';
import { activityRoutes } from './activity.routes';
import { type ActivityService, createActivityService } from './activity.service';

declare module '../../lib/modules' {
  interface ServiceRegistry {
    activity: ActivityService;
  }
}

/** The member activity ledger (党员履历): one place where a member's deeds are counted. */
export const activityModule = defineModule({
  name: 'activity',
  needs: ['members', 'orgs'],
  build({ db, reads }, { members, orgs }) {
    return createActivityService({ db, reads, members: members.record, orgs: orgs.tree });
  },
  routes: (activity) => [mount('/members', activityRoutes, { activity })],
  subscribe(activity, events) {
    events.subscribe('member.status_changed', (tx, { changes }) =>
      activity.recordMany(tx, changes.map(statusEntry)),
    );
    events.subscribe('member.contacted', (tx, contact) => activity.record(tx, contactEntry(contact)));
    events.subscribe('org.subtree_moved', (tx, { oldPath, newPath }) =>
      activityRepository.rewriteOrgPaths(tx, oldPath, newPath),
    );
  },
});
