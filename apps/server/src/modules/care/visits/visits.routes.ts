/** Visits (care.read to read, care.write to record and change). */
import {
  CareVisitCreateBody,
  CareVisitExportQuery,
  CareVisitIdParams,
  CareVisitListQuery,
  CareVisitListResponse,
  CareVisitResponse,
  CareVisitUpdateBody,
  standardErrors,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendXlsx, Xlsx } from '../../../lib/downloads';
import { actorOf } from '../../../plugins/auth';
import type { CareExport } from '../care.export';
import type { VisitsService } from './visits.service';

const tags = ['关爱 care'];

export const visitsRoutes: FastifyPluginAsyncZod<{ visits: VisitsService; exports: CareExport }> = async (
  app,
  { visits, exports },
) => {
  app.get(
    '/export',
    {
      config: { permission: 'care.read' },
      schema: {
        tags,
        summary: '导出走访慰问台账（.xlsx），记入审计',
        querystring: CareVisitExportQuery,
        response: { 200: Xlsx, ...standardErrors },
      },
    },
    async (request, reply) => sendXlsx(request, reply, await exports.visits(actorOf(request), request.query)),
  );

  app.get(
    '/',
    {
      config: { permission: 'care.read' },
      schema: {
        tags,
        summary: '走访慰问列表（按原因、年份、组织筛选；附合计）',
        querystring: CareVisitListQuery,
        response: { 200: CareVisitListResponse, ...standardErrors },
      },
    },
    async (request) => visits.list(actorOf(request), request.query),
  );

  app.post(
    '/',
    {
      config: { permission: 'care.write' },
      schema: {
        tags,
        summary: '登记走访慰问（记入党员履历）',
        body: CareVisitCreateBody,
        response: { 201: CareVisitResponse, ...standardErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await visits.create(actorOf(request), request.body)),
  );

  app.get(
    '/:id',
    {
      config: { permission: 'care.read' },
      schema: {
        tags,
        summary: '走访慰问详情',
        params: CareVisitIdParams,
        response: { 200: CareVisitResponse, ...standardErrors },
      },
    },
    async (request) => visits.get(actorOf(request), request.params.id),
  );

  app.put(
    '/:id',
    {
      config: { permission: 'care.write' },
      schema: {
        tags,
        summary: '修改走访慰问（整条替换）',
        params: CareVisitIdParams,
        body: CareVisitUpdateBody,
        response: { 200: CareVisitResponse, ...standardErrors },
      },
    },
    async (request) => visits.update(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/:id',
    {
      config: { permission: 'care.write' },
      schema: {
        tags,
        summary: '删除走访慰问（党员履历中的记录一并撤销）',
        params: CareVisitIdParams,
        response: { 204: z.null(), ...standardErrors },
      },
    },
    async (request, reply) => {
      await visits.remove(actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
