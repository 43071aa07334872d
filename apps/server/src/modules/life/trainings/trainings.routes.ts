/**
 * The routes of training classes (`/api/v1/trainings`): a member's own classes first, then the
 * manager's classes, enrolments and completion, sessions and attendance.
 */
import type { FastifyPluginAsync } from 'fastify';
import { trainingClassesRoutes } from './trainings.classes.routes';
import type { TrainingClassesService } from './trainings.classes.service';
import type { TrainingCompletionService } from './trainings.completion.service';
import { trainingEnrolmentsRoutes } from './trainings.enrolments.routes';
import type { TrainingEnrolmentsService } from './trainings.enrolments.service';
import { myTrainingsRoutes } from './trainings.mine.routes';
import type { MyTrainingsService } from './trainings.mine.service';
import type { TrainingCertificates } from './trainings.print';
import { trainingSessionsRoutes } from './trainings.sessions.routes';
import type { TrainingSessionsService } from './trainings.sessions.service';

export interface TrainingsRoutesOptions {
  classes: TrainingClassesService;
  enrolments: TrainingEnrolmentsService;
  sessions: TrainingSessionsService;
  completion: TrainingCompletionService;
  mine: MyTrainingsService;
  certificates: TrainingCertificates;
  publicUrl: string | undefined;
}

export const trainingsRoutes: FastifyPluginAsync<TrainingsRoutesOptions> = async (app, options) => {
  await app.register(myTrainingsRoutes, options);
  await app.register(trainingClassesRoutes, options);
  await app.register(trainingEnrolmentsRoutes, options);
  await app.register(trainingSessionsRoutes, options);
};
