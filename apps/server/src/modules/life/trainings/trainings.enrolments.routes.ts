/** Enrolments of a class (training.manage): the list, nominate, withdraw, certificates, completion. */
import {
  CompleteBody,
  CompleteResponse,
  EnrolmentListQuery,
  EnrolmentListResponse,
  EnrolmentResponse,
  EnrolmentsResponse,
  NominateBody,
  standardErrors,
  TrainingEnrolmentParams,
  TrainingIdParams,
  WithdrawBody,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Pdf, sendPdf } from '../../../lib/downloads';
import { actorOf } from '../../../plugins/auth';
import type { TrainingCompletionService } from './trainings.completion.service';
import type { TrainingEnrolmentsService } from './trainings.enrolments.service';
import type { TrainingCertificates } from './trainings.print';

const tags = ['培训班 trainings'];

export const trainingEnrolmentsRoutes: FastifyPluginAsyncZod<{
  enrolments: TrainingEnrolmentsService;
  completion: TrainingCompletionService;
  certificates: TrainingCertificates;
}> = async (app, { enrolments, completion, certificates }) => {
  app.get(
    '/:id/enrolments',
    {
      config: { permission: 'training.manage' },
      schema: {
        tags,
        summary: '报名名单（按报名先后；候补显示位次）',
        params: TrainingIdParams,
        querystring: EnrolmentListQuery,
        response: { 200: EnrolmentListResponse, ...standardErrors },
      },
    },
    async (request) => enrolments.enrolments(actorOf(request), request.params.id, request.query),
  );

  app.post(
    '/:id/enrolments',
    {
      config: { permission: 'training.manage' },
      schema: {
        tags,
        summary: '推荐所辖党员参加（按顺序占用名额，满额后进入候补）',
        params: TrainingIdParams,
        body: NominateBody,
        response: { 201: EnrolmentsResponse, ...standardErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await enrolments.nominate(actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/:id/enrolments/:enrolmentId/withdraw',
    {
      config: { permission: 'training.manage' },
      schema: {
        tags,
        summary: '为学员办理退出；空出的名额由候补第一位递补',
        params: TrainingEnrolmentParams,
        body: WithdrawBody,
        response: { 200: EnrolmentResponse, ...standardErrors },
      },
    },
    async (request) =>
      enrolments.withdraw(actorOf(request), request.params.id, request.params.enrolmentId, request.body),
  );

  app.get(
    '/:id/enrolments/:enrolmentId/certificate.pdf',
    {
      config: { permission: 'training.manage' },
      schema: {
        tags,
        summary: '下载学员的结业证书（PDF），记入审计',
        params: TrainingEnrolmentParams,
        response: { 200: Pdf, ...standardErrors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const found = await completion.certificateForManager(
        actor,
        request.params.id,
        request.params.enrolmentId,
      );
      return sendPdf(reply, await certificates.render(actor, found));
    },
  );

  app.post(
    '/:id/complete',
    {
      config: { permission: 'training.manage' },
      schema: {
        tags,
        summary: '办理结业：编发结业证书编号，学时记入党员履历（可要求出勤比例）',
        params: TrainingIdParams,
        body: CompleteBody,
        response: { 200: CompleteResponse, ...standardErrors },
      },
    },
    async (request) => completion.complete(actorOf(request), request.params.id, request.body),
  );
};
