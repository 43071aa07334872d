/** The archive registry: archive.read to read, archive.write to register, change and delete. */
import {
  ArchiveExportQuery,
  ArchiveIdParams,
  ArchiveItemCreateBody,
  ArchiveItemResponse,
  ArchiveItemUpdateBody,
  ArchiveListQuery,
  ArchiveListResponse,
  ArchiveLoanBody,
  ArchiveLoanHistoryResponse,
  ArchiveLoanResponse,
  ArchivePlacesResponse,
  standardErrors,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendXlsx, Xlsx } from '../../lib/downloads';
import { actorOf } from '../../plugins/auth';
import type { ArchivesExport } from './archives.export';
import type { ItemsService } from './items.service';
import type { LoansService } from './loans.service';

const tags = ['档案 archives'];

export const archivesRoutes: FastifyPluginAsyncZod<{
  items: ItemsService;
  loans: LoansService;
  exports: ArchivesExport;
}> = async (app, { items, loans, exports }) => {
  app.get(
    '/',
    {
      config: { permission: 'archive.read' },
      schema: {
        tags,
        summary: '档案台账（按类别、年度、组织、位置、借阅状态筛选，按题名或档号搜索）',
        querystring: ArchiveListQuery,
        response: { 200: ArchiveListResponse, ...standardErrors },
      },
    },
    async (request) => items.list(actorOf(request), request.query),
  );

  app.get(
    '/export',
    {
      config: { permission: 'archive.read' },
      schema: {
        tags,
        summary: '导出档案台账（.xlsx），记入审计',
        querystring: ArchiveExportQuery,
        response: { 200: Xlsx, ...standardErrors },
      },
    },
    async (request, reply) =>
      sendXlsx(request, reply, await exports.registry(actorOf(request), request.query)),
  );

  app.get(
    '/places',
    {
      config: { permission: 'archive.read' },
      schema: {
        tags,
        summary: '档案室存放位置（室 → 柜 → 层 → 盒，含件数和借出数）',
        response: { 200: ArchivePlacesResponse, ...standardErrors },
      },
    },
    async (request) => items.places(actorOf(request)),
  );

  app.post(
    '/',
    {
      config: { permission: 'archive.write' },
      schema: {
        tags,
        summary: '登记档案（档号唯一）',
        body: ArchiveItemCreateBody,
        response: { 201: ArchiveItemResponse, ...standardErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await items.create(actorOf(request), request.body)),
  );

  app.get(
    '/:id',
    {
      config: { permission: 'archive.read' },
      schema: {
        tags,
        summary: '档案详情',
        params: ArchiveIdParams,
        response: { 200: ArchiveItemResponse, ...standardErrors },
      },
    },
    async (request) => items.get(actorOf(request), request.params.id),
  );

  app.put(
    '/:id',
    {
      config: { permission: 'archive.write' },
      schema: {
        tags,
        summary: '修改档案（整条替换）',
        params: ArchiveIdParams,
        body: ArchiveItemUpdateBody,
        response: { 200: ArchiveItemResponse, ...standardErrors },
      },
    },
    async (request) => items.update(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/:id',
    {
      config: { permission: 'archive.write' },
      schema: {
        tags,
        summary: '删除档案（借出期间不能删除）',
        params: ArchiveIdParams,
        response: { 204: z.null(), ...standardErrors },
      },
    },
    async (request, reply) => {
      await items.remove(actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/:id/loans',
    {
      config: { permission: 'archive.read' },
      schema: {
        tags,
        summary: '档案的借阅记录（最新在前）',
        params: ArchiveIdParams,
        response: { 200: ArchiveLoanHistoryResponse, ...standardErrors },
      },
    },
    async (request) => loans.history(actorOf(request), request.params.id),
  );

  app.post(
    '/:id/loans',
    {
      config: { permission: 'archive.write' },
      schema: {
        tags,
        summary: '借出档案（同一档案同时只能借出一次）',
        params: ArchiveIdParams,
        body: ArchiveLoanBody,
        response: { 201: ArchiveLoanResponse, ...standardErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await loans.lend(actorOf(request), request.params.id, request.body)),
  );
};
