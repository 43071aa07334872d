import {
  OrgIdParams,
  PositionCreateBody,
  PositionIdParams,
  PositionResponse,
  PositionUpdateBody,
  standardErrors,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../plugins/auth';
import type { PositionsService } from './positions.service';

const tags = ['组织 orgs'];

export const positionsRoutes: FastifyPluginAsyncZod<{ positions: PositionsService }> = async (
  app,
  { positions },
) => {
  app.post(
    '/:id/positions',
    {
      config: { permission: 'org.write' },
      schema: {
        tags,
        summary: '新增职务',
        params: OrgIdParams,
        body: PositionCreateBody,
        response: { 201: PositionResponse, ...standardErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await positions.create(actorOf(request), request.params.id, request.body)),
  );

  app.patch(
    '/:id/positions/:positionId',
    {
      config: { permission: 'org.write' },
      schema: {
        tags,
        summary: '修改职务',
        params: PositionIdParams,
        body: PositionUpdateBody,
        response: { 200: PositionResponse, ...standardErrors },
      },
    },
    async (request) =>
      positions.update(actorOf(request), request.params.id, request.params.positionId, request.body),
  );

  app.delete(
    '/:id/positions/:positionId',
    {
      config: { permission: 'org.write' },
      schema: {
        tags,
        summary: '删除职务',
        params: PositionIdParams,
        response: { 204: z.null(), ...standardErrors },
      },
    },
    async (request, reply) => {
      await positions.remove(actorOf(request), request.params.id, request.params.positionId);
      return reply.code(204).send(null);
    },
  );
};
