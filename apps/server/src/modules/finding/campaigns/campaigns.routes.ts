import {
  CampaignCreateBody,
  CampaignIdParams,
  CampaignListQuery,
  CampaignListResponse,
  CampaignResponse,
  CampaignUpdateBody,
  FinderListResponse,
  ProgressResponse,
  standardErrors,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../../plugins/auth';
import type { CampaignsService } from './campaigns.service';

const tags = ['组织找党员 finding'];

export const campaignsRoutes: FastifyPluginAsyncZod<{ campaigns: CampaignsService }> = async (
  app,
  { campaigns },
) => {
  app.get(
    '/campaigns',
    {
      config: { permission: 'finding.manage' },
      schema: {
        tags,
        summary: '所辖范围内的寻找党员行动',
        querystring: CampaignListQuery,
        response: { 200: CampaignListResponse, ...standardErrors },
      },
    },
    async (request) => campaigns.list(actorOf(request), request.query),
  );

  app.post(
    '/campaigns',
    {
      config: { permission: 'finding.manage' },
      schema: {
        tags,
        summary: '新建寻找党员行动（组织、时间、目标人数、区县、工作组）',
        body: CampaignCreateBody,
        response: { 201: CampaignResponse, ...standardErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await campaigns.create(actorOf(request), request.body)),
  );

  app.get(
    '/campaigns/:id',
    {
      config: { permission: 'finding.manage' },
      schema: {
        tags,
        summary: '寻找党员行动详情',
        params: CampaignIdParams,
        response: { 200: CampaignResponse, ...standardErrors },
      },
    },
    async (request) => campaigns.get(actorOf(request), request.params.id),
  );

  app.patch(
    '/campaigns/:id',
    {
      config: { permission: 'finding.manage' },
      schema: {
        tags,
        summary: '修改寻找党员行动（含工作组名单）',
        params: CampaignIdParams,
        body: CampaignUpdateBody,
        response: { 200: CampaignResponse, ...standardErrors },
      },
    },
    async (request) => campaigns.update(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/campaigns/:id/progress',
    {
      config: { permission: 'finding.manage' },
      schema: {
        tags,
        summary: '行动进度：每日累计找到人数与目标、分区县、分寻访人员',
        params: CampaignIdParams,
        response: { 200: ProgressResponse, ...standardErrors },
      },
    },
    async (request) => campaigns.progress(actorOf(request), request.params.id),
  );

  app.get(
    '/finders',
    {
      config: { permission: 'finding.manage' },
      schema: {
        tags,
        summary: '可选的寻访人员（持有工作组角色的账户）',
        response: { 200: FinderListResponse, ...standardErrors },
      },
    },
    async (request) => campaigns.finders(actorOf(request)),
  );
};
