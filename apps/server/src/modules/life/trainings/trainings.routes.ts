import {
  ApplyBody,
  CompleteBody,
  CompleteResponse,
  EnrolmentListQuery,
  EnrolmentListResponse,
  EnrolmentResponse,
  EnrolmentsResponse,
  MyCertificateParams,
  MyTrainingsResponse,
  NominateBody,
  SessionAttendanceBody,
  SessionAttendanceResponse,
  SignInBody,
  SignInCodeResponse,
  SignInResult,
  standardErrors,
  TrainingCreateBody,
  TrainingEnrolmentParams,
  TrainingIdParams,
  TrainingListQuery,
  TrainingListResponse,
  TrainingResponse,
  TrainingSessionCreateBody,
  TrainingSessionIdParams,
  TrainingSessionListResponse,
  TrainingSessionResponse,
  TrainingSessionRouteParams,
  TrainingSessionUpdateBody,
  TrainingStateBody,
  TrainingUpdateBody,
  WithdrawBody,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Pdf, sendPdf } from '../../../lib/downloads';
import { presentSignInCode } from '../../../lib/sign-in-codes';
import { siteOf } from '../../../lib/site-url';
import { actorOf } from '../../../plugins/auth';
import type { TrainingCertificates } from './trainings.print';
import type { TrainingsService } from './trainings.service';

const tags = ['培训班 trainings'];

export const trainingsRoutes: FastifyPluginAsyncZod<{
  trainings: TrainingsService;
  certificates: TrainingCertificates;
  publicUrl: string | undefined;
}> = async (app, { trainings, certificates, publicUrl }) => {
  // A member's own classes (member.self)

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
    async (request) => trainings.mine(actorOf(request)),
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
        await certificates.render(actor, await trainings.certificateForMember(actor, request.params.id)),
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
      reply.code(201).send(await trainings.apply(actorOf(request), request.params.id, request.body)),
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
    async (request) => trainings.withdrawOwn(actorOf(request), request.params.id, request.body),
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
    async (request) => trainings.signIn(actorOf(request), request.params.sessionId, request.body.token),
  );

  // Managing classes (training.manage)

  app.get(
    '/',
    {
      config: { permission: 'training.manage' },
      schema: {
        tags,
        summary: '培训班列表（所辖范围内；按类型、状态、年份、主办组织筛选）',
        querystring: TrainingListQuery,
        response: { 200: TrainingListResponse, ...standardErrors },
      },
    },
    async (request) => trainings.list(actorOf(request), request.query),
  );

  app.post(
    '/',
    {
      config: { permission: 'training.manage' },
      schema: {
        tags,
        summary: '新建培训班或学习考察（草稿）',
        body: TrainingCreateBody,
        response: { 201: TrainingResponse, ...standardErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await trainings.create(actorOf(request), request.body)),
  );

  app.get(
    '/:id',
    {
      config: { permission: 'training.manage' },
      schema: {
        tags,
        summary: '培训班详情（报名、候补、结业人数）',
        params: TrainingIdParams,
        response: { 200: TrainingResponse, ...standardErrors },
      },
    },
    async (request) => trainings.get(actorOf(request), request.params.id),
  );

  app.patch(
    '/:id',
    {
      config: { permission: 'training.manage' },
      schema: {
        tags,
        summary: '修改培训班（名额增加时候补依次递补）',
        params: TrainingIdParams,
        body: TrainingUpdateBody,
        response: { 200: TrainingResponse, ...standardErrors },
      },
    },
    async (request) => trainings.update(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/:id/state',
    {
      config: { permission: 'training.manage' },
      schema: {
        tags,
        summary: '开始报名、截止报名、结业或取消',
        params: TrainingIdParams,
        body: TrainingStateBody,
        response: { 200: TrainingResponse, ...standardErrors },
      },
    },
    async (request) => trainings.changeState(actorOf(request), request.params.id, request.body),
  );

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
    async (request) => trainings.enrolments(actorOf(request), request.params.id, request.query),
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
      reply.code(201).send(await trainings.nominate(actorOf(request), request.params.id, request.body)),
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
      trainings.withdraw(actorOf(request), request.params.id, request.params.enrolmentId, request.body),
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
      const found = await trainings.certificateForManager(
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
    async (request) => trainings.complete(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/:id/sessions',
    {
      config: { permission: 'training.manage' },
      schema: {
        tags,
        summary: '课次列表（含出勤人数）',
        params: TrainingIdParams,
        response: { 200: TrainingSessionListResponse, ...standardErrors },
      },
    },
    async (request) => trainings.sessions(actorOf(request), request.params.id),
  );

  app.post(
    '/:id/sessions',
    {
      config: { permission: 'training.manage' },
      schema: {
        tags,
        summary: '新增课次',
        params: TrainingIdParams,
        body: TrainingSessionCreateBody,
        response: { 201: TrainingSessionResponse, ...standardErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await trainings.createSession(actorOf(request), request.params.id, request.body)),
  );

  app.patch(
    '/:id/sessions/:sessionId',
    {
      config: { permission: 'training.manage' },
      schema: {
        tags,
        summary: '修改课次',
        params: TrainingSessionRouteParams,
        body: TrainingSessionUpdateBody,
        response: { 200: TrainingSessionResponse, ...standardErrors },
      },
    },
    async (request) =>
      trainings.updateSession(actorOf(request), request.params.id, request.params.sessionId, request.body),
  );

  app.delete(
    '/:id/sessions/:sessionId',
    {
      config: { permission: 'training.manage' },
      schema: {
        tags,
        summary: '删除课次（连同其出勤记录）',
        params: TrainingSessionRouteParams,
        response: { 204: z.null(), ...standardErrors },
      },
    },
    async (request, reply) => {
      await trainings.deleteSession(actorOf(request), request.params.id, request.params.sessionId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/sessions/:sessionId/attendance',
    {
      config: { permission: 'training.manage' },
      schema: {
        tags,
        summary: '课次出勤（本班学员及其签到情况）',
        params: TrainingSessionIdParams,
        response: { 200: SessionAttendanceResponse, ...standardErrors },
      },
    },
    async (request) => trainings.attendance(actorOf(request), request.params.sessionId),
  );

  app.put(
    '/sessions/:sessionId/attendance',
    {
      config: { permission: 'training.manage' },
      schema: {
        tags,
        summary: '手工记录出勤（已签到、迟到、请假、缺席）',
        params: TrainingSessionIdParams,
        body: SessionAttendanceBody,
        response: { 200: SessionAttendanceResponse, ...standardErrors },
      },
    },
    async (request) => trainings.recordAttendance(actorOf(request), request.params.sessionId, request.body),
  );

  app.get(
    '/sessions/:sessionId/sign-in-code',
    {
      config: { permission: 'training.manage' },
      schema: {
        tags,
        summary: '课次签到二维码（开始前后时间窗内有效）',
        params: TrainingSessionIdParams,
        response: { 200: SignInCodeResponse, ...standardErrors },
      },
    },
    async (request) => {
      const { session, code } = await trainings.signInCode(actorOf(request), request.params.sessionId);
      return presentSignInCode(code, 'session', session.id, siteOf(request, publicUrl));
    },
  );
};
