/** Honours (care.read to read, care.write to record and change). */
import {
  HonourCreateBody,
  HonourExportQuery,
  HonourIdParams,
  HonourListQuery,
  HonourListResponse,
  HonourResponse,
  HonourUpdateBody,
  HonourWallQuery,
  HonourWallResponse,
  standardErrors,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendXlsx, Xlsx } from '../../../lib/downloads';
import { actorOf } from '../../../plugins/auth';
import type { CareExport } from '../care.export';
import type { HonoursService } from './honours.service';

const tags = ['表彰 honours'];

export const honoursRoutes: FastifyPluginAsyncZod<{ honours: HonoursService; exports: CareExport }> = async (
  app,
  { honours, exports },
) => {
  app.get(
    '/export',
    {
      config: { permission: 'care.read' },
      schema: {
        tags,
        summary: '导出表彰台账（.xlsx），记入审计',
        querystring: HonourExportQuery,
        response: { 200: Xlsx, ...standardErrors },
      },
    },
    async (request, reply) =>
      sendXlsx(request, reply, await exports.honours(actorOf(request), request.query)),
  );

  app.get(
    '/',
    {
      config: { permission: 'care.read' },
      schema: {
        tags,
        summary: '表彰列表（按级别、类型、年份、组织筛选）',
        querystring: HonourListQuery,
        response: { 200: HonourListResponse, ...standardErrors },
      },
    },
    async (request) => honours.list(actorOf(request), request.query),
  );

  app.get(
    '/wall',
    {
      config: { permission: 'care.read' },
      schema: {
        tags,
        summary: '荣誉墙（集体表彰在前，按级别、日期排列）',
        querystring: HonourWallQuery,
        response: { 200: HonourWallResponse, ...standardErrors },
      },
    },
    async (request) => honours.wall(actorOf(request), request.query),
  );

  app.post(
    '/',
    {
      config: { permission: 'care.write' },
      schema: {
        tags,
        summary: '登记表彰（个人表彰记入党员履历）',
        body: HonourCreateBody,
        response: { 201: HonourResponse, ...standardErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await honours.create(actorOf(request), request.body)),
  );

  app.get(
    '/:id',
    {
      config: { permission: 'care.read' },
      schema: {
        tags,
        summary: '表彰详情',
        params: HonourIdParams,
        response: { 200: HonourResponse, ...standardErrors },
      },
    },
    async (request) => honours.get(actorOf(request), request.params.id),
  );

  app.put(
    '/:id',
    {
      config: { permission: 'care.write' },
      schema: {
        tags,
        summary: '修改表彰（整条替换）',
        params: HonourIdParams,
        body: HonourUpdateBody,
        response: { 200: HonourResponse, ...standardErrors },
      },
    },
    async (request) => honours.update(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/:id',
    {
      config: { permission: 'care.write' },
      schema: {
        tags,
        summary: '删除表彰（党员履历中的记录一并撤销）',
        params: HonourIdParams,
        response: { 204: z.null(), ...standardErrors },
      },
    },
    async (request, reply) => {
      await honours.remove(actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
