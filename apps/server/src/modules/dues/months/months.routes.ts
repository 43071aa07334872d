/** Monthly ledgers (月度台账): dues.read to read, dues.write to open and close. */
import {
  DuesMonthCloseBody,
  DuesMonthCreateBody,
  DuesMonthDetailResponse,
  DuesMonthListQuery,
  DuesMonthListResponse,
  IdParams,
  standardErrors,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendXlsx, Xlsx } from '../../../lib/downloads';
import { actorOf } from '../../../plugins/auth';
import { tags } from '../dues.routes';
import type { DuesExport } from '../report/dues.export';
import type { MonthsService } from './months.service';

export const monthsRoutes: FastifyPluginAsyncZod<{ months: MonthsService; exports: DuesExport }> = async (
  app,
  { months, exports },
) => {
  app.get(
    '/:id/report',
    {
      config: { permission: 'dues.read' },
      schema: {
        tags,
        summary: '支部党费收缴月报（.xlsx：每名党员的基数应交、交纳情况、方式、日期、欠缴；合计），记入审计',
        params: IdParams,
        response: { 200: Xlsx, ...standardErrors },
      },
    },
    async (request, reply) =>
      sendXlsx(request, reply, await exports.monthReport(actorOf(request), request.params.id)),
  );

  app.get(
    '/',
    {
      config: { permission: 'dues.read' },
      schema: {
        tags,
        summary: '党费月度台账列表（按支部、年度）',
        querystring: DuesMonthListQuery,
        response: { 200: DuesMonthListResponse, ...standardErrors },
      },
    },
    async (request) => months.list(actorOf(request), request.query),
  );

  app.post(
    '/',
    {
      config: { permission: 'dues.write' },
      schema: {
        tags,
        summary: '开启支部某月的党费台账（每个支部每月一本）',
        body: DuesMonthCreateBody,
        response: { 201: DuesMonthDetailResponse, ...standardErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await months.open(actorOf(request), request.body)),
  );

  app.get(
    '/:id',
    {
      config: { permission: 'dues.read' },
      schema: {
        tags,
        summary: '月度台账：支部每名党员的应交、已交与合计',
        params: IdParams,
        response: { 200: DuesMonthDetailResponse, ...standardErrors },
      },
    },
    async (request) => months.get(actorOf(request), request.params.id),
  );

  app.post(
    '/:id/close',
    {
      config: { permission: 'dues.write' },
      schema: {
        tags,
        summary: '结账：固定应收、实收，此后不再登记本月交纳',
        params: IdParams,
        body: DuesMonthCloseBody,
        response: { 200: DuesMonthDetailResponse, ...standardErrors },
      },
    },
    async (request) => months.close(actorOf(request), request.params.id, request.body.version),
  );
};
