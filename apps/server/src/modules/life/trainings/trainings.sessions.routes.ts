/** Sessions of a class and their attendance (training.manage), with the session's sign-in code. */
import {
  SessionAttendanceBody,
  SessionAttendanceResponse,
  SignInCodeResponse,
  standardErrors,
  TrainingIdParams,
  TrainingSessionCreateBody,
  TrainingSessionIdParams,
  TrainingSessionListResponse,
  TrainingSessionResponse,
  TrainingSessionRouteParams,
  TrainingSessionUpdateBody,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { presentSignInCode } from '../../../lib/sign-in-codes';
import { siteOf } from '../../../lib/site-url';
import { actorOf } from '../../../plugins/auth';
import type { TrainingSessionsService } from './trainings.sessions.service';

const tags = ['培训班 trainings'];

export const trainingSessionsRoutes: FastifyPluginAsyncZod<{
  sessions: TrainingSessionsService;
  publicUrl: string | undefined;
}> = async (app, { sessions, publicUrl }) => {
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
    async (request) => sessions.sessions(actorOf(request), request.params.id),
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
      reply.code(201).send(await sessions.createSession(actorOf(request), request.params.id, request.body)),
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
      sessions.updateSession(actorOf(request), request.params.id, request.params.sessionId, request.body),
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
      await sessions.deleteSession(actorOf(request), request.params.id, request.params.sessionId);
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
    async (request) => sessions.attendance(actorOf(request), request.params.sessionId),
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
    async (request) => sessions.recordAttendance(actorOf(request), request.params.sessionId, request.body),
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
      const { session, code } = await sessions.signInCode(actorOf(request), request.params.sessionId);
      return presentSignInCode(code, 'session', session.id, siteOf(request, publicUrl));
    },
  );
};
