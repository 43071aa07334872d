/** Hardship help (care.read to read, care.write to record and change). */
import {
  CareHelpCreateBody,
  CareHelpExportQuery,
  CareHelpIdParams,
  CareHelpListQuery,
  CareHelpListResponse,
  CareHelpResponse,
  CareHelpUpdateBody,
  standardErrors,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendXlsx, Xlsx } from '../../../lib/downloads';
import { actorOf } from '../../../plugins/auth';
import type { CareExport } from '../care.export';
import type { HelpService } from './help.service';

const tags = ['关爱 care'];

export const helpRoutes: FastifyPluginAsyncZod<{ help: HelpService; exports: CareExport }> = async (
  app,
  { help, exports },
) => {
  app.get(
    '/export',
    {
      config: { permission: 'care.read' },
      schema: {
        tags,
        summary: '导出困难帮扶台账（.xlsx），记入审计',
        querystring: CareHelpExportQuery,
        response: { 200: Xlsx, ...standardErrors },
      },
    },
    async (request, reply) => sendXlsx(request, reply, await exports.help(actorOf(request), request.query)),
  );

  app.get(
    '/',
    {
      config: { permission: 'care.read' },
      schema: {
        tags,
        summary: '困难帮扶列表（按帮扶方式、年份、组织筛选；附合计）',
        querystring: CareHelpListQuery,
        response: { 200: CareHelpListResponse, ...standardErrors },
      },
    },
    async (request) => help.list(actorOf(request), request.query),
  );

  app.post(
    '/',
    {
      config: { permission: 'care.write' },
      schema: {
        tags,
        summary: '登记困难帮扶（记入党员履历）',
        body: CareHelpCreateBody,
        response: { 201: CareHelpResponse, ...standardErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await help.create(actorOf(request), request.body)),
  );

  app.get(
    '/:id',
    {
      config: { permission: 'care.read' },
      schema: {
        tags,
        summary: '困难帮扶详情',
        params: CareHelpIdParams,
        response: { 200: CareHelpResponse, ...standardErrors },
      },
    },
    async (request) => help.get(actorOf(request), request.params.id),
  );

  app.put(
    '/:id',
    {
      config: { permission: 'care.write' },
      schema: {
        tags,
        summary: '修改困难帮扶（整条替换）',
        params: CareHelpIdParams,
        body: CareHelpUpdateBody,
        response: { 200: CareHelpResponse, ...standardErrors },
      },
    },
    async (request) => help.update(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/:id',
    {
      config: { permission: 'care.write' },
      schema: {
        tags,
        summary: '删除困难帮扶（党员履历中的记录一并撤销）',
        params: CareHelpIdParams,
        response: { 204: z.null(), ...standardErrors },
      },
    },
    async (request, reply) => {
      await help.remove(actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
