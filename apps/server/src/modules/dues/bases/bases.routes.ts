/** Bases (收入基数): dues.read to list, dues.write to declare and change. */
import {
  DuesBaseCreateBody,
  DuesBaseListQuery,
  DuesBaseListResponse,
  DuesBaseResponse,
  DuesBaseUpdateBody,
  IdParams,
  standardErrors,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../../plugins/auth';
import { tags } from '../dues.routes';
import type { BasesService } from './bases.service';

export const basesRoutes: FastifyPluginAsyncZod<{ bases: BasesService }> = async (app, { bases }) => {
  app.get(
    '/',
    {
      config: { permission: 'dues.read' },
      schema: {
        tags,
        summary: '党费基数：组织内在册党员及其年度基数（可只看未申报的）',
        querystring: DuesBaseListQuery,
        response: { 200: DuesBaseListResponse, ...standardErrors },
      },
    },
    async (request) => bases.list(actorOf(request), request.query),
  );

  app.post(
    '/',
    {
      config: { permission: 'dues.write' },
      schema: {
        tags,
        summary: '申报年度党费基数（每月党费按现行标准计算，记下标准的版本）',
        body: DuesBaseCreateBody,
        response: { 201: DuesBaseResponse, ...standardErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await bases.create(actorOf(request), request.body)),
  );

  app.get(
    '/:id',
    {
      config: { permission: 'dues.read' },
      schema: {
        tags,
        summary: '党费基数详情',
        params: IdParams,
        response: { 200: DuesBaseResponse, ...standardErrors },
      },
    },
    async (request) => bases.get(actorOf(request), request.params.id),
  );

  app.put(
    '/:id',
    {
      config: { permission: 'dues.write' },
      schema: {
        tags,
        summary: '修改党费基数（按现行标准重新计算）',
        params: IdParams,
        body: DuesBaseUpdateBody,
        response: { 200: DuesBaseResponse, ...standardErrors },
      },
    },
    async (request) => bases.update(actorOf(request), request.params.id, request.body),
  );
};
