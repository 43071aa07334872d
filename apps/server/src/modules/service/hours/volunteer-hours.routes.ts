/** Self-reported volunteer hours: the reviewers' list and decision, a member's report, withdrawal, own list and year. */
import {
  standardErrors,
  VolunteerHoursCreateBody,
  VolunteerHoursDecideBody,
  VolunteerHoursListQuery,
  VolunteerHoursListResponse,
  VolunteerHoursParams,
  VolunteerHoursResponse,
  VolunteerHoursSummaryQuery,
  VolunteerHoursSummaryResponse,
  VolunteerHoursWithdrawBody,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../../plugins/auth';
import type { VolunteerHoursService } from './volunteer-hours.service';

const tags = ['自主志愿服务 volunteer hours'];

export const volunteerHoursRoutes: FastifyPluginAsyncZod<{ hours: VolunteerHoursService }> = async (
  app,
  { hours },
) => {
  app.get(
    '/',
    {
      config: { permission: 'volunteer.manage' },
      schema: {
        tags,
        summary: '自主志愿服务填报审核列表（所辖范围内；待审核在前，可按状态、组织筛选）',
        querystring: VolunteerHoursListQuery,
        response: { 200: VolunteerHoursListResponse, ...standardErrors },
      },
    },
    async (request) => hours.list(actorOf(request), request.query),
  );

  app.get(
    '/mine',
    {
      config: { permission: 'member.self' },
      schema: {
        tags,
        summary: '我填报的志愿服务时长',
        response: { 200: VolunteerHoursListResponse, ...standardErrors },
      },
    },
    async (request) => hours.mine(actorOf(request)),
  );

  app.get(
    '/mine/summary',
    {
      config: { permission: 'member.self' },
      schema: {
        tags,
        summary: '我本年度的志愿服务时长（志愿服务活动与审核通过的自主填报，按来源）',
        querystring: VolunteerHoursSummaryQuery,
        response: { 200: VolunteerHoursSummaryResponse, ...standardErrors },
      },
    },
    async (request) => hours.summary(actorOf(request), request.query),
  );

  app.post(
    '/',
    {
      config: { permission: 'member.self' },
      schema: {
        tags,
        summary: '填报自主志愿服务时长（提交所在组织书记审核）',
        body: VolunteerHoursCreateBody,
        response: { 201: VolunteerHoursResponse, ...standardErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await hours.create(actorOf(request), request.body)),
  );

  app.post(
    '/:id/decide',
    {
      config: { permission: 'volunteer.manage' },
      schema: {
        tags,
        summary: '审核自主志愿服务填报：通过（计入志愿服务时长），或填写原因不通过',
        params: VolunteerHoursParams,
        body: VolunteerHoursDecideBody,
        response: { 200: VolunteerHoursResponse, ...standardErrors },
      },
    },
    async (request) => hours.decide(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/:id/withdraw',
    {
      config: { permission: 'member.self' },
      schema: {
        tags,
        summary: '撤回待审核的填报',
        params: VolunteerHoursParams,
        body: VolunteerHoursWithdrawBody,
        response: { 200: VolunteerHoursResponse, ...standardErrors },
      },
    },
    async (request) => hours.withdraw(actorOf(request), request.params.id, request.body),
  );
};
