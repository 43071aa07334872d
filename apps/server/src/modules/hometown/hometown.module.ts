import { defineModule, mount } from '../../lib/modules';
import { donationsRoutes } from './donations/donations.routes';
import { createDonationsService, type DonationsService } from './donations/donations.service';
import { createHometownAccess } from './hometown.access';
import { createHometownExport, type HometownExport } from './hometown.export';
import { createHometownSeed, type HometownSeed } from './hometown.seed';
import { labourRoutes } from './labour/labour.routes';
import { createLabourService, type LabourService } from './labour/labour.service';
import { projectsRepository } from './projects/projects.repository';
import { projectsRoutes } from './projects/projects.routes';
import { createProjectsService, type ProjectsService } from './projects/projects.service';
import { totalsRoutes } from './totals/totals.routes';
import { createTotalsService, type TotalsService } from './totals/totals.service';

declare module '../../lib/modules' {
  interface ServiceRegistry {
    hometown: {
      projects: ProjectsService;
      donations: DonationsService;
      labour: LabourService;
      totals: TotalsService;
      /** The lists as .xlsx. */
      exports: HometownExport;
      /** The demo's ledgers. */
      seed: HometownSeed;
    };
  }
}

/**
 * The hometown ledgers (服务家乡): investment projects brought in, donations of funds and goods,
 * labour export (job postings and placements), and their totals by county and year. A record
 * belongs to the org that recorded it and serves a home county.
 */
export const hometownModule = defineModule({
  name: 'hometown',
  needs: ['orgs', 'members', 'activity'],
  build({ db, reads, config }, { orgs, members, activity }) {
    const access = createHometownAccess({
      db,
      homeCity: config.homeCity,
      orgs: orgs.tree,
      members: members.record,
      activity,
    });
    const projects = createProjectsService(access);
    const donations = createDonationsService(access);
    const labour = createLabourService(access);
    // The totals and the lists' files may lag (a standby may answer); the pages, reread after
    // each write, and the checks before a write read the primary.
    const lagging = { ...access, db: reads };
    return {
      projects,
      donations,
      labour,
      // Totals for the dashboards (the page's figures, the statistics, the big screen) and the
      // files (a snapshot of the list as it is browsed) may be a few seconds old.
      totals: createTotalsService(lagging),
      exports: createHometownExport({
        db,
        projects: createProjectsService(lagging),
        donations: createDonationsService(lagging),
        labour: createLabourService(lagging),
      }),
      seed: createHometownSeed({ db, homeCity: config.homeCity, activity }),
    };
  },
  routes: ({ projects, donations, labour, totals, exports }) => [
    mount('/hometown/projects', projectsRoutes, { projects, exports }),
    mount('/hometown/donations', donationsRoutes, { donations, exports }),
    mount('/hometown/labour', labourRoutes, { labour, exports }),
    mount('/hometown/totals', totalsRoutes, { totals }),
  ],
  seed:
    ({ seed }) =>
    async () => {
      await seed();
    },
  contributes: ({ projects, donations }) => ({
    'files.owners': [
      {
        type: 'hometown_project',
        auditDownloads: false,
        authorize: (executor, actor, id, access) => projects.authorizeFiles(executor, actor, id, access),
      },
      {
        type: 'hometown_donation',
        auditDownloads: false,
        authorize: (executor, actor, id, access) => donations.authorizeFiles(executor, actor, id, access),
      },
    ],
  }),
  subscribe(_services, events) {
    events.subscribe('org.subtree_moved', (tx, { oldPath, newPath }) =>
      projectsRepository.rewriteOrgPaths(tx, oldPath, newPath),
    );
  },
});
