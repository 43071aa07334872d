import { defineModule, mount } from '../../../lib/modules';
import { pdfRenderer } from '../../../lib/pdf/pdf-renderer';
import { createSignInCodes } from '../../../lib/sign-in-codes';
import { createTrainingCertificates, type TrainingCertificates } from './trainings.print';
import { trainingsRepository } from './trainings.repository';
import { trainingsRoutes } from './trainings.routes';
import { createTrainingsSeed } from './trainings.seed';
import { createTrainingsService, type TrainingsService } from './trainings.service';

declare module '../../../lib/modules' {
  interface ServiceRegistry {
    trainings: {
      trainings: TrainingsService;
      /** 结业证书 as PDF. */
      certificates: TrainingCertificates;
      /** The demo's classes and trips. */
      seed: () => Promise<{ trainings: number }>;
    };
  }
}

/** Training classes and study trips (培训班、红色教育): enrolment under a quota, sessions, completion. */
export const trainingsModule = defineModule({
  name: 'trainings',
  needs: ['orgs', 'users', 'members', 'settings', 'notices', 'activity'],
  build({ db, crypto }, { orgs, users, members, settings, notices, activity }) {
    const trainings = createTrainingsService({
      db,
      orgs: orgs.tree,
      positions: orgs.positions,
      members: members.record,
      users,
      activity,
      inbox: notices.inbox,
      settings,
      codes: createSignInCodes(crypto.deriveKey('sign-in codes')),
    });
    return {
      trainings,
      certificates: createTrainingCertificates({ db, pdf: pdfRenderer(), orgs: orgs.tree }),
      seed: createTrainingsSeed({ db, users, orgs, members: members.record, trainings }),
    };
  },
  routes: ({ trainings, certificates }, { config }) => [
    mount('/trainings', trainingsRoutes, {
      trainings,
      certificates,
      publicUrl: config.publicUrl,
    }),
  ],
  seed:
    ({ seed }) =>
    async () => {
      await seed();
    },
  subscribe(_services, events) {
    events.subscribe('org.subtree_moved', async (tx, { oldPath, newPath }) => {
      await trainingsRepository.rewriteOrgPaths(tx, oldPath, newPath);
    });
  },
});
