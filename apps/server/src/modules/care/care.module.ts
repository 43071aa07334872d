import { defineModule, mount } from '../../lib/modules';
import { pdfRenderer } from '../../lib/pdf/pdf-renderer';
import { birthdaysRoutes, careMineRoutes } from './birthdays/birthdays.routes';
import { type BirthdaysService, createBirthdaysService } from './birthdays/birthdays.service';
import { createCareAccess, rewriteCareOrgPaths } from './care.access';
import { type CareExport, createCareExport } from './care.export';
import { type CareSeed, createCareSeed } from './care.seed';
import { helpRoutes } from './help/help.routes';
import { createHelpService, type HelpService } from './help/help.service';
import { honoursRoutes } from './honours/honours.routes';
import { createHonoursService, type HonoursService } from './honours/honours.service';
import { visitsRoutes } from './visits/visits.routes';
import { createVisitsService, type VisitsService } from './visits/visits.service';

declare module '../../lib/modules' {
  interface ServiceRegistry {
    care: {
      visits: VisitsService;
      help: HelpService;
      honours: HonoursService;
      /** The honours by committee from `reads` (a standby may answer, seconds behind): for the statistics. */
      lagTolerant: Pick<HonoursService, 'byCommittee'>;
      birthdays: BirthdaysService;
      /** The lists as .xlsx. */
      exports: CareExport;
      /** The demo's visits, help and honours. */
      seed: CareSeed;
    };
  }
}

/**
 * Care and honours (关爱、表彰): visits to members (走访慰问), hardship help (困难帮扶), Party
 * anniversaries (政治生日) and honours (表彰). Visits, help and individual honours are written to
 * the member activity ledger in the transaction of the record.
 */
export const careModule = defineModule({
  name: 'care',
  needs: ['orgs', 'members', 'activity'],
  build({ db, reads }, { orgs, members, activity }) {
    const access = createCareAccess({ db, orgs: orgs.tree, members: members.record, activity });
    const visits = createVisitsService(access);
    const help = createHelpService(access);
    const honours = createHonoursService(access);
    // The statistics' topic and the lists' files may lag (a standby may answer); the pages, reread
    // after each write, and the birthdays' to-dos read the primary.
    const lagging = { ...access, db: reads };
    return {
      visits,
      help,
      honours,
      lagTolerant: createHonoursService(lagging),
      birthdays: createBirthdaysService({ access, pdf: pdfRenderer(), visits, help, honours }),
      exports: createCareExport({
        db,
        visits: createVisitsService(lagging),
        help: createHelpService(lagging),
        honours: createHonoursService(lagging),
      }),
      seed: createCareSeed({ db, orgs: orgs.tree, activity }),
    };
  },
  routes: ({ visits, help, honours, birthdays, exports }) => [
    mount('/care/visits', visitsRoutes, { visits, exports }),
    mount('/care/help', helpRoutes, { help, exports }),
    mount('/care/birthdays', birthdaysRoutes, { birthdays }),
    mount('/care/mine', careMineRoutes, { birthdays }),
    mount('/honours', honoursRoutes, { honours, exports }),
  ],
  seed:
    ({ seed }) =>
    async () => {
      await seed();
    },
  contributes: ({ visits, honours, birthdays }) => ({
    'files.owners': [
      {
        type: 'care_visit',
        auditDownloads: false,
        authorize: (executor, actor, id, access) => visits.authorizeFiles(executor, actor, id, access),
      },
      {
        type: 'honour',
        auditDownloads: false,
        authorize: (executor, actor, id, access) => honours.authorizeFiles(executor, actor, id, access),
      },
    ],
    'workbench.todos': [(actor) => birthdays.todos(actor)],
  }),
  subscribe(_services, events) {
    events.subscribe('org.subtree_moved', (tx, { oldPath, newPath }) =>
      rewriteCareOrgPaths(tx, oldPath, newPath),
    );
  },
});
