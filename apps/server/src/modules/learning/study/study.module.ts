import { defineModule, mount } from '../../../lib/modules';
import { createStudyOutput } from './study.output';
import { createStudyRecords, type StudyRecords } from './study.records';
import { studyRecordsRepository } from './study.records.repository';
import { createStudyReminder, type StudyReminder } from './study.reminder';
import { studyRoutes } from './study.routes';
import { createStudySeed, type StudySeed } from './study.seed';
import { createStudyService, type StudyService } from './study.service';

declare module '../../../lib/modules' {
  interface ServiceRegistry {
    study: {
      hours: StudyService;
      records: StudyRecords;
      /** The daily reminder of members behind in the last quarter (study.behind_reminder). */
      reminder: StudyReminder;
      /** The demo's 党课 credits and a year of offline study. */
      seed: StudySeed;
    };
  }
}

/** The study hours ledger (学时) of the learning domain: hours by source, the threshold board, offline study. */
export const studyModule = defineModule({
  name: 'study',
  needs: ['members', 'orgs', 'settings', 'activity', 'users', 'notices', 'compliance'],
  build({ db }, { members, orgs, settings, activity, users, notices }) {
    const hours = createStudyService({ db, members: members.record, orgs: orgs.tree, settings });
    return {
      hours,
      records: createStudyRecords({ db, members: members.record, orgs: orgs.tree, activity }),
      reminder: createStudyReminder({ db, users, settings, inbox: notices.inbox }),
      seed: createStudySeed({ db, activity, settings }),
    };
  },
  routes: ({ hours, records }, { db }) => [
    mount('/study', studyRoutes, { study: hours, records, output: createStudyOutput({ db, study: hours }) }),
  ],
  jobs: ({ reminder }) => [
    {
      name: 'study.behind_reminder',
      label: '学时未达标提醒（第四季度每天）',
      schedule: '0 9 * 10-12 *',
      run: () => reminder.run(),
    },
  ],
  seed:
    ({ seed }) =>
    async () => {
      await seed();
    },
  subscribe(_services, events) {
    events.subscribe('org.subtree_moved', (tx, { oldPath, newPath }) =>
      studyRecordsRepository.rewriteOrgPaths(tx, oldPath, newPath),
    );
  },
});
