/** A member's own classes (member.self): my trainings, my certificates, apply, withdraw, sign in. */
import {
  ApplyBody,
  EnrolmentResponse,
  MyCertificateParams,
  MyTrainingsResponse,
  SignInBody,
  SignInResult,
  standardErrors,
  TrainingIdParams,
  TrainingSessionIdParams,
  WithdrawBody,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Pdf, sendPdf } from '../../../lib/downloads';
import { actorOf } from '../../../plugins/auth';
import type { TrainingCompletionService } from './trainings.completion.service';
import type { TrainingEnrolmentsService } from './trainings.enrolments.service';
import type { MyTrainingsService } from './trainings.mine.service';
import type { TrainingCertificates } from './trainings.print';
import type { TrainingSessionsService } from './trainings.sessions.service';

const tags = ['培训班 trainings'];

export const myTrainingsRoutes: FastifyPluginAsyncZod<{
  mine: MyTrainingsService;
  enrolments: TrainingEnrolmentsService;
  sessions: TrainingSessionsService;
  completion: TrainingCompletionService;
  certificates: TrainingCertificates;
}> = async (app, { mine, enrolments, sessions, completion, certificates }) => {
  app.get(
    '/mine',
    {
      config: { permission: 'member.self' },
      schema: {
        tags,
        summary: '我的培训：可报名的培训班、我的报名（含候补位次）、我的课次',
        response: { 200: MyTrainingsResponse, ...standardErrors },
      },
    },
    async (request) => mine.mine(actorOf(request)),
  );

  app.get(
    '/mine/certificates/:id.pdf',
    {
      config: { permission: 'member.self' },
      schema: {
        tags,
        summary: '下载本人的结业证书（PDF；编号为报名记录编号），记入审计',
        params: MyCertificateParams,
        response: { 200: Pdf, ...standardErrors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      return sendPdf(
        reply,
        await certificates.render(actor, await completion.certificateForMember(actor, request.params.id)),
      );
    },
  );

  app.post(
    '/:id/apply',
    {
      config: { permission: 'member.self' },
      schema: {
        tags,
        summary: '本人报名（报名中、在报名时间内、在报名范围内）；名额已满时进入候补',
        params: TrainingIdParams,
        body: ApplyBody,
        response: { 201: EnrolmentResponse, ...standardErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await enrolments.apply(actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/:id/withdraw',
    {
      config: { permission: 'member.self' },
      schema: {
        tags,
        summary: '本人退出培训班（或放弃候补）；空出的名额由候补第一位递补',
        params: TrainingIdParams,
        body: WithdrawBody,
        response: { 200: EnrolmentResponse, ...standardErrors },
      },
    },
    async (request) => enrolments.withdrawOwn(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/sessions/:sessionId/sign-in',
    {
      config: { permission: 'member.self' },
      schema: {
        tags,
        summary: '扫码签到（仅本班正式学员；重复扫码提示已签到）',
        params: TrainingSessionIdParams,
        body: SignInBody,
        response: { 200: SignInResult, ...standardErrors },
      },
    },
    async (request) => sessions.signIn(actorOf(request), request.params.sessionId, request.body.token),
  );
};
