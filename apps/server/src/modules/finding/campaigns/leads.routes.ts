import {
  CampaignIdParams,
  LeadCreateBody,
  LeadFoundBody,
  LeadIdParams,
  LeadListQuery,
  LeadListResponse,
  LeadResponse,
  LeadUpdateBody,
  MyLeadsQuery,
  standardErrors,
  VisitCreateBody,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../../plugins/auth';
import type { LeadsService } from './leads.service';

const tags = ['组织找党员 finding'];

export const leadsRoutes: FastifyPluginAsyncZod<{ leads: LeadsService }> = async (app, { leads }) => {
  app.get(
    '/campaigns/:id/leads',
    {
      config: { permission: 'finding.manage' },
      schema: {
        tags,
        summary: '行动的线索（按状态、寻访人员、区县筛选）',
        params: CampaignIdParams,
        querystring: LeadListQuery,
        response: { 200: LeadListResponse, ...standardErrors },
      },
    },
    async (request) => leads.list(actorOf(request), request.params.id, request.query),
  );

  app.post(
    '/campaigns/:id/leads',
    {
      config: { permission: 'finding.manage' },
      schema: {
        tags,
        summary: '新增线索；{ memberId } 把一名失联党员转为线索',
        params: CampaignIdParams,
        body: LeadCreateBody,
        response: { 201: LeadResponse, ...standardErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await leads.create(actorOf(request), request.params.id, request.body)),
  );

  app.get(
    '/my-leads',
    {
      config: { permission: 'finding.lead' },
      schema: {
        tags,
        summary: '分配给我的线索（各行动）',
        querystring: MyLeadsQuery,
        response: { 200: LeadListResponse, ...standardErrors },
      },
    },
    async (request) => leads.mine(actorOf(request), request.query),
  );

  app.get(
    '/leads/:id',
    {
      // The campaign's managers and the finder the lead is assigned to; anyone else gets 404.
      config: { permission: 'session' },
      schema: {
        tags,
        summary: '线索详情与寻访记录',
        params: LeadIdParams,
        response: { 200: LeadResponse, ...standardErrors },
      },
    },
    async (request) => leads.get(actorOf(request), request.params.id),
  );

  app.patch(
    '/leads/:id',
    {
      config: { permission: 'finding.manage' },
      schema: {
        tags,
        summary: '修改线索、分派寻访人员',
        params: LeadIdParams,
        body: LeadUpdateBody,
        response: { 200: LeadResponse, ...standardErrors },
      },
    },
    async (request) => leads.update(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/leads/:id/visits',
    {
      config: { permission: 'finding.lead' },
      schema: {
        tags,
        summary: '记录一次寻访（电话、上门、微信）及结果',
        params: LeadIdParams,
        body: VisitCreateBody,
        response: { 200: LeadResponse, ...standardErrors },
      },
    },
    async (request) => leads.logVisit(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/leads/:id/found',
    {
      config: { permission: 'finding.lead' },
      schema: {
        tags,
        summary: '标记已找到：新建党员档案（来源为组织寻找）或关联已有档案',
        params: LeadIdParams,
        body: LeadFoundBody,
        response: { 200: LeadResponse, ...standardErrors },
      },
    },
    async (request) => leads.markFound(actorOf(request), request.params.id, request.body),
  );
};
