import { defineModule, mount } from '../../../lib/modules';
import { pdfRenderer } from '../../../lib/pdf/pdf-renderer';
import { createSignInCodes } from '../../../lib/sign-in-codes';
import { createTrainingsAccess } from './trainings.access';
import { trainingClassesRoutes } from './trainings.classes.routes';
import { createTrainingClassesService, type TrainingClassesService } from './trainings.classes.service';
import {
  createTrainingCompletionService,
  type TrainingCompletionService,
} from './trainings.completion.service';
import { trainingEnrolmentsRoutes } from './trainings.enrolments.routes';
import {
  createTrainingEnrolmentsService,
  type TrainingEnrolmentsService,
} from './trainings.enrolments.service';
import { myTrainingsRoutes } from './trainings.mine.routes';
import { createMyTrainingsService, type MyTrainingsService } from './trainings.mine.service';
import { createTrainingCertificates, type TrainingCertificates } from './trainings.print';
import { trainingsRepository } from './trainings.repository';
import { createTrainingsSeed } from './trainings.seed';
import { trainingSessionsRoutes } from './trainings.sessions.routes';
import { createTrainingSessionsService, type TrainingSessionsService } from './trainings.sessions.service';

declare module '../../../lib/modules' {
  interface ServiceRegistry {
    trainings: {
      classes: TrainingClassesService;
      enrolments: TrainingEnrolmentsService;
      sessions: TrainingSessionsService;
      completion: TrainingCompletionService;
      /** A member's own classes. */
      mine: MyTrainingsService;
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
    // The classes (training.manage over the organizer's subtree), their enrolments (a member
    // applies; a manager nominates members of their subtree), sessions with attendance and QR
    // sign-in, and completion (a numbered certificate and study hours in the activity ledger).
    // A class outside the actor's scope answers 404 like a missing one.
    const access = createTrainingsAccess({
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
    const classes = createTrainingClassesService(access);
    const enrolments = createTrainingEnrolmentsService(access);
    const sessions = createTrainingSessionsService(access);
    const completion = createTrainingCompletionService(access);
    return {
      classes,
      enrolments,
      sessions,
      completion,
      mine: createMyTrainingsService(access),
      certificates: createTrainingCertificates({ db, pdf: pdfRenderer(), orgs: orgs.tree }),
      seed: createTrainingsSeed({
        db,
        users,
        orgs,
        members: members.record,
        trainings: { classes, enrolments, sessions, completion },
      }),
    };
  },
  routes: ({ classes, enrolments, sessions, completion, mine, certificates }, { config }) => [
    mount('/trainings', myTrainingsRoutes, { mine, enrolments, sessions, completion, certificates }),
    mount('/trainings', trainingClassesRoutes, { classes }),
    mount('/trainings', trainingEnrolmentsRoutes, { enrolments, completion, certificates }),
    mount('/trainings', trainingSessionsRoutes, { sessions, publicUrl: config.publicUrl }),
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
