import {
  ExemptionCreateBody,
  ExemptionIdParams,
  ExemptionListQuery,
  ExemptionListResponse,
  ExemptionResponse,
  ExemptionUpdateBody,
  standardErrors,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../../plugins/auth';
import type { ComplianceService } from './compliance.service';

const tags = ['组织生活落实情况 compliance'];

/** `/api/v1/meetings/exemptions`: an org exempt from a required meeting type for a period. */
export const exemptionsRoutes: FastifyPluginAsyncZod<{ compliance: ComplianceService }> = async (
  app,
  { compliance },
) => {
  app.get(
    '/',
    {
      config: { permission: 'meeting.read' },
      schema: {
        tags,
        summary: '免于召开的会议（所辖范围内）',
        querystring: ExemptionListQuery,
        response: { 200: ExemptionListResponse, ...standardErrors },
      },
    },
    async (request) => compliance.exemptions(actorOf(request), request.query),
  );

  app.post(
    '/',
    {
      config: { permission: 'meeting.write' },
      schema: {
        tags,
        summary: '设置组织在一段时间内免于召开某类会议，记入审计',
        body: ExemptionCreateBody,
        response: { 201: ExemptionResponse, ...standardErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await compliance.createExemption(actorOf(request), request.body)),
  );

  app.patch(
    '/:id',
    {
      config: { permission: 'meeting.write' },
      schema: {
        tags,
        summary: '修改免于召开的期间或原因，记入审计',
        params: ExemptionIdParams,
        body: ExemptionUpdateBody,
        response: { 200: ExemptionResponse, ...standardErrors },
      },
    },
    async (request) => compliance.updateExemption(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/:id',
    {
      config: { permission: 'meeting.write' },
      schema: {
        tags,
        summary: '取消免于召开的设置，记入审计',
        params: ExemptionIdParams,
        response: { 204: z.null().meta({ description: '已取消' }), ...standardErrors },
      },
    },
    async (request, reply) => {
      await compliance.deleteExemption(actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
