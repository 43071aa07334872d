/** Labour export: job postings and placements (hometown.read to read, hometown.write to record). */
import {
  LabourIdParams,
  PlacementCreateBody,
  PlacementExportQuery,
  PlacementListQuery,
  PlacementListResponse,
  PlacementResponse,
  PlacementUpdateBody,
  PostingCreateBody,
  PostingExportQuery,
  PostingListQuery,
  PostingListResponse,
  PostingResponse,
  PostingUpdateBody,
  standardErrors,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendXlsx, Xlsx } from '../../../lib/downloads';
import { actorOf } from '../../../plugins/auth';
import type { HometownExport } from '../hometown.export';
import type { LabourService } from './labour.service';

const tags = ['服务家乡 hometown'];
const read = { permission: 'hometown.read' } as const;
const write = { permission: 'hometown.write' } as const;

export const labourRoutes: FastifyPluginAsyncZod<{ labour: LabourService; exports: HometownExport }> = async (
  app,
  { labour, exports },
) => {
  app.get(
    '/postings/export',
    {
      config: read,
      schema: {
        tags,
        summary: '导出用工信息（.xlsx），记入审计',
        querystring: PostingExportQuery,
        response: { 200: Xlsx, ...standardErrors },
      },
    },
    async (request, reply) =>
      sendXlsx(request, reply, await exports.postings(actorOf(request), request.query)),
  );

  app.get(
    '/placements/export',
    {
      config: read,
      schema: {
        tags,
        summary: '导出劳务输出记录（.xlsx），记入审计',
        querystring: PlacementExportQuery,
        response: { 200: Xlsx, ...standardErrors },
      },
    },
    async (request, reply) =>
      sendXlsx(request, reply, await exports.placements(actorOf(request), request.query)),
  );

  app.get(
    '/postings',
    {
      config: read,
      schema: {
        tags,
        summary: '用工信息列表（按县区、状态、年份筛选）',
        querystring: PostingListQuery,
        response: { 200: PostingListResponse, ...standardErrors },
      },
    },
    async (request) => labour.listPostings(actorOf(request), request.query),
  );

  app.post(
    '/postings',
    {
      config: write,
      schema: {
        tags,
        summary: '发布用工信息（月薪以元填写）',
        body: PostingCreateBody,
        response: { 201: PostingResponse, ...standardErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await labour.createPosting(actorOf(request), request.body)),
  );

  app.get(
    '/postings/:id',
    {
      config: read,
      schema: {
        tags,
        summary: '用工信息详情',
        params: LabourIdParams,
        response: { 200: PostingResponse, ...standardErrors },
      },
    },
    async (request) => labour.getPosting(actorOf(request), request.params.id),
  );

  app.put(
    '/postings/:id',
    {
      config: write,
      schema: {
        tags,
        summary: '修改用工信息',
        params: LabourIdParams,
        body: PostingUpdateBody,
        response: { 200: PostingResponse, ...standardErrors },
      },
    },
    async (request) => labour.updatePosting(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/postings/:id',
    {
      config: write,
      schema: {
        tags,
        summary: '删除用工信息',
        params: LabourIdParams,
        response: { 204: z.null(), ...standardErrors },
      },
    },
    async (request, reply) => {
      await labour.removePosting(actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/placements',
    {
      config: read,
      schema: {
        tags,
        summary: '劳务输出列表（按县区、年份筛选；附人次合计）',
        querystring: PlacementListQuery,
        response: { 200: PlacementListResponse, ...standardErrors },
      },
    },
    async (request) => labour.listPlacements(actorOf(request), request.query),
  );

  app.post(
    '/placements',
    {
      config: write,
      schema: {
        tags,
        summary: '登记劳务输出（人次）',
        body: PlacementCreateBody,
        response: { 201: PlacementResponse, ...standardErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await labour.createPlacement(actorOf(request), request.body)),
  );

  app.get(
    '/placements/:id',
    {
      config: read,
      schema: {
        tags,
        summary: '劳务输出详情',
        params: LabourIdParams,
        response: { 200: PlacementResponse, ...standardErrors },
      },
    },
    async (request) => labour.getPlacement(actorOf(request), request.params.id),
  );

  app.put(
    '/placements/:id',
    {
      config: write,
      schema: {
        tags,
        summary: '修改劳务输出',
        params: LabourIdParams,
        body: PlacementUpdateBody,
        response: { 200: PlacementResponse, ...standardErrors },
      },
    },
    async (request) => labour.updatePlacement(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/placements/:id',
    {
      config: write,
      schema: {
        tags,
        summary: '删除劳务输出',
        params: LabourIdParams,
        response: { 204: z.null(), ...standardErrors },
      },
    },
    async (request, reply) => {
      await labour.removePlacement(actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
