/** Reliefs (减免): dues.read to list, dues.write to request, review and decide. */
import {
  DuesReliefCreateBody,
  DuesReliefListQuery,
  DuesReliefListResponse,
  DuesReliefResponse,
  DuesReliefStepBody,
  IdParams,
  standardErrors,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../../plugins/auth';
import { tags } from '../dues.routes';
import type { ReliefsService } from './reliefs.service';

export const reliefsRoutes: FastifyPluginAsyncZod<{ reliefs: ReliefsService }> = async (app, { reliefs }) => {
  app.get(
    '/',
    {
      config: { permission: 'dues.read' },
      schema: {
        tags,
        summary: '党费减免申请（按状态、组织）',
        querystring: DuesReliefListQuery,
        response: { 200: DuesReliefListResponse, ...standardErrors },
      },
    },
    async (request) => reliefs.list(actorOf(request), request.query),
  );

  app.post(
    '/',
    {
      config: { permission: 'dues.write' },
      schema: {
        tags,
        summary: '提出党费减免（减交或免交，一段月份）',
        body: DuesReliefCreateBody,
        response: { 201: DuesReliefResponse, ...standardErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await reliefs.create(actorOf(request), request.body)),
  );

  app.get(
    '/:id',
    {
      config: { permission: 'dues.read' },
      schema: {
        tags,
        summary: '减免申请详情',
        params: IdParams,
        response: { 200: DuesReliefResponse, ...standardErrors },
      },
    },
    async (request) => reliefs.get(actorOf(request), request.params.id),
  );

  app.post(
    '/:id/review',
    {
      config: { permission: 'dues.write' },
      schema: {
        tags,
        summary: '支部审议（同意后报上级审批，不同意即未批准）',
        params: IdParams,
        body: DuesReliefStepBody,
        response: { 200: DuesReliefResponse, ...standardErrors },
      },
    },
    async (request) => reliefs.review(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/:id/decide',
    {
      config: { permission: 'dues.write' },
      schema: {
        tags,
        summary: '上级审批（上一级党组织或流动党委办公室，不能由审议人审批）',
        params: IdParams,
        body: DuesReliefStepBody,
        response: { 200: DuesReliefResponse, ...standardErrors },
      },
    },
    async (request) => reliefs.decide(actorOf(request), request.params.id, request.body),
  );
};
