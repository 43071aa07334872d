/** Donations and the honour roll (hometown.read to read, hometown.write to record and change). */
import {
  DonationCreateBody,
  DonationExportQuery,
  DonationIdParams,
  DonationListQuery,
  DonationListResponse,
  DonationResponse,
  DonationUpdateBody,
  HonourRollQuery,
  HonourRollResponse,
  standardErrors,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendXlsx, Xlsx } from '../../../lib/downloads';
import { actorOf } from '../../../plugins/auth';
import type { HometownExport } from '../hometown.export';
import type { DonationsService } from './donations.service';

const tags = ['服务家乡 hometown'];

export const donationsRoutes: FastifyPluginAsyncZod<{
  donations: DonationsService;
  exports: HometownExport;
}> = async (app, { donations, exports }) => {
  app.get(
    '/export',
    {
      config: { permission: 'hometown.read' },
      schema: {
        tags,
        summary: '导出捐赠台账（.xlsx，含物资清单），记入审计',
        querystring: DonationExportQuery,
        response: { 200: Xlsx, ...standardErrors },
      },
    },
    async (request, reply) =>
      sendXlsx(request, reply, await exports.donations(actorOf(request), request.query)),
  );

  app.get(
    '/',
    {
      config: { permission: 'hometown.read' },
      schema: {
        tags,
        summary: '捐赠列表（按县区、用途、类型、年份筛选；附合计）',
        querystring: DonationListQuery,
        response: { 200: DonationListResponse, ...standardErrors },
      },
    },
    async (request) => donations.list(actorOf(request), request.query),
  );

  app.get(
    '/honour-roll',
    {
      config: { permission: 'hometown.read' },
      schema: {
        tags,
        summary: '捐赠光荣榜（按捐赠总额排序）',
        querystring: HonourRollQuery,
        response: { 200: HonourRollResponse, ...standardErrors },
      },
    },
    async (request) => donations.honourRoll(actorOf(request), request.query),
  );

  app.post(
    '/',
    {
      config: { permission: 'hometown.write' },
      schema: {
        tags,
        summary: '登记捐赠（资金以元填写；物资填写清单和估值）',
        body: DonationCreateBody,
        response: { 201: DonationResponse, ...standardErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await donations.create(actorOf(request), request.body)),
  );

  app.get(
    '/:id',
    {
      config: { permission: 'hometown.read' },
      schema: {
        tags,
        summary: '捐赠详情（含物资清单）',
        params: DonationIdParams,
        response: { 200: DonationResponse, ...standardErrors },
      },
    },
    async (request) => donations.get(actorOf(request), request.params.id),
  );

  app.put(
    '/:id',
    {
      config: { permission: 'hometown.write' },
      schema: {
        tags,
        summary: '修改捐赠（整条替换，含物资清单）',
        params: DonationIdParams,
        body: DonationUpdateBody,
        response: { 200: DonationResponse, ...standardErrors },
      },
    },
    async (request) => donations.update(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/:id',
    {
      config: { permission: 'hometown.write' },
      schema: {
        tags,
        summary: '删除捐赠（捐赠党员的履历记录一并撤销）',
        params: DonationIdParams,
        response: { 204: z.null(), ...standardErrors },
      },
    },
    async (request, reply) => {
      await donations.remove(actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
