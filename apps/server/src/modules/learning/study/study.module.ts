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
      /** The hours by org and the board's rows from `reads` (a standby may answer, seconds behind): for the statistics and the board's file. */
      lagTolerant: Pick<StudyService, 'orgHours' | 'boardRows'>;
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
  build({ db, reads }, { members, orgs, settings, activity, users, notices }) {
    const hours = createStudyService({ db, members: members.record, orgs: orgs.tree, settings });
    return {
      hours,
      // The statistics' topic and the board's file may lag; the study pages, reread after a
      // record is entered, read the primary through `hours`.
      lagTolerant: createStudyService({ db: reads, members: members.record, orgs: orgs.tree, settings }),
      records: createStudyRecords({ db, members: members.record, orgs: orgs.tree, activity }),
      reminder: createStudyReminder({ db, users, settings, inbox: notices.inbox }),
      seed: createStudySeed({ db, activity, settings }),
    };
  },
  routes: ({ hours, records, lagTolerant }, { db }) => [
    mount('/study', studyRoutes, {
      study: hours,
      records,
      output: createStudyOutput({ db, study: lagTolerant }),
    }),
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
