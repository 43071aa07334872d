/**
 * The roster and check-in: a manager's roster (volunteer.read / volunteer.manage), the post
 * leader's day, QR code and check-in by hand ('session': the service checks the post's leader),
 * and a member's own pages: open campaigns, sign-up, my shifts, the scan (member.self).
 */
import {
  OpenVolunteerCampaignsResponse,
  standardErrors,
  VolunteerAssignBody,
  VolunteerAssignmentResponse,
  VolunteerCampaignAssignmentParams,
  VolunteerCampaignIdParams,
  VolunteerCampaignPostParams,
  VolunteerCheckInBody,
  VolunteerLeaderDayResponse,
  VolunteerLeaderQuery,
  VolunteerMyShiftsResponse,
  VolunteerPostCodeResponse,
  VolunteerRosterQuery,
  VolunteerRosterResponse,
  VolunteerScanBody,
  VolunteerScanResult,
  VolunteerSignUpBody,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { siteOf } from '../../../lib/site-url';
import { actorOf } from '../../../plugins/auth';
import type { RosterService } from './roster.service';

const tags = ['志愿服务排班 volunteer roster'];

export const rosterRoutes: FastifyPluginAsyncZod<{
  roster: RosterService;
  publicUrl: string | undefined;
}> = async (app, { roster, publicUrl }) => {
  app.get(
    '/open',
    {
      config: { permission: 'member.self' },
      schema: {
        tags,
        summary: '我可报名的志愿服务活动及其班次',
        response: { 200: OpenVolunteerCampaignsResponse, ...standardErrors },
      },
    },
    async (request) => roster.open(actorOf(request)),
  );

  app.get(
    '/mine',
    {
      config: { permission: 'member.self' },
      schema: {
        tags,
        summary: '我的志愿服务班次',
        response: { 200: VolunteerMyShiftsResponse, ...standardErrors },
      },
    },
    async (request) => roster.mine(actorOf(request)),
  );

  app.get(
    '/leading',
    {
      config: { permission: 'member.self' },
      schema: {
        tags,
        summary: '我负责的点位当天的班次和名单（点位负责人）',
        querystring: VolunteerLeaderQuery,
        response: { 200: VolunteerLeaderDayResponse, ...standardErrors },
      },
    },
    async (request) => roster.leading(actorOf(request), request.query.onDate),
  );

  app.get(
    '/:id/roster',
    {
      config: { permission: 'volunteer.read' },
      schema: {
        tags,
        summary: '排班名单（按班次、状态筛选）',
        params: VolunteerCampaignIdParams,
        querystring: VolunteerRosterQuery,
        response: { 200: VolunteerRosterResponse, ...standardErrors },
      },
    },
    async (request) => roster.roster(actorOf(request), request.params.id, request.query),
  );

  app.post(
    '/:id/roster',
    {
      config: { permission: 'volunteer.manage' },
      schema: {
        tags,
        summary: '安排党员到班次（同一时间冲突或班次已满时拒绝）',
        params: VolunteerCampaignIdParams,
        body: VolunteerAssignBody,
        response: { 201: VolunteerAssignmentResponse, ...standardErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await roster.assign(actorOf(request), request.params.id, request.body)),
  );

  app.delete(
    '/:id/roster/:assignmentId',
    {
      config: { permission: 'volunteer.manage' },
      schema: {
        tags,
        summary: '取消排班（仅已排班的）',
        params: VolunteerCampaignAssignmentParams,
        response: { 204: z.null(), ...standardErrors },
      },
    },
    async (request, reply) => {
      await roster.unassign(actorOf(request), request.params.id, request.params.assignmentId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/:id/sign-ups',
    {
      config: { permission: 'member.self' },
      schema: {
        tags,
        summary: '报名一个班次（本人）',
        params: VolunteerCampaignIdParams,
        body: VolunteerSignUpBody,
        response: { 201: VolunteerAssignmentResponse, ...standardErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await roster.signUp(actorOf(request), request.params.id, request.body)),
  );

  app.delete(
    '/:id/sign-ups/:assignmentId',
    {
      config: { permission: 'member.self' },
      schema: {
        tags,
        summary: '取消本人报名（班次开始前）',
        params: VolunteerCampaignAssignmentParams,
        response: { 204: z.null(), ...standardErrors },
      },
    },
    async (request, reply) => {
      await roster.withdraw(actorOf(request), request.params.id, request.params.assignmentId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/:id/check-ins',
    {
      config: { permission: 'session' },
      schema: {
        tags,
        summary: '手工签到、签退、记未到岗或接收现场加入（点位负责人或活动管理者）',
        params: VolunteerCampaignIdParams,
        body: VolunteerCheckInBody,
        response: { 200: VolunteerAssignmentResponse, ...standardErrors },
      },
    },
    async (request) => roster.check(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/:id/posts/:postId/code',
    {
      config: { permission: 'session' },
      schema: {
        tags,
        summary: '点位签到二维码（点位负责人或活动管理者）',
        params: VolunteerCampaignPostParams,
        response: { 200: VolunteerPostCodeResponse, ...standardErrors },
      },
    },
    async (request) =>
      roster.postCode(actorOf(request), request.params.id, request.params.postId, siteOf(request, publicUrl)),
  );

  app.post(
    '/:id/posts/:postId/scan',
    {
      config: { permission: 'member.self' },
      schema: {
        tags,
        summary: '扫点位二维码签到或签退（本人；重复提交同一次扫码只生效一次）',
        params: VolunteerCampaignPostParams,
        body: VolunteerScanBody,
        response: { 200: VolunteerScanResult, ...standardErrors },
      },
    },
    async (request) => roster.scan(actorOf(request), request.params.id, request.params.postId, request.body),
  );
};
