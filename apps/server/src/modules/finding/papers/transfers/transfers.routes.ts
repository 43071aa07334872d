import {
  standardErrors,
  TransferCancelBody,
  TransferCreateBody,
  TransferExportQuery,
  TransferIdParams,
  TransferListQuery,
  TransferListResponse,
  TransferOverdueQuery,
  TransferReceiptBody,
  TransferResponse,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Pdf, sendPdf, sendXlsx, Xlsx } from '../../../../lib/downloads';
import { actorOf } from '../../../../plugins/auth';
import type { TransferOutput } from './transfers.output';
import type { TransfersService } from './transfers.service';

const tags = ['组织关系转接 transfers'];

export const transfersRoutes: FastifyPluginAsyncZod<{
  transfers: TransfersService;
  output: TransferOutput;
}> = async (app, { transfers, output }) => {
  app.get(
    '/',
    {
      config: { permission: 'member.read' },
      schema: {
        tags,
        summary: '组织关系转接（所辖范围内；按方向、状态、回执逾期、组织、党员、编号或姓名筛选）',
        querystring: TransferListQuery,
        response: { 200: TransferListResponse, ...standardErrors },
      },
    },
    async (request) => transfers.list(actorOf(request), request.query),
  );

  app.post(
    '/',
    {
      config: { permission: 'transfer.write' },
      schema: {
        tags,
        summary: '开具组织关系介绍信：转出（本党委党员转往外单位）或转入（外单位党员编入本党委党支部）',
        body: TransferCreateBody,
        response: { 201: TransferResponse, ...standardErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await transfers.create(actorOf(request), request.body)),
  );

  app.get(
    '/overdue',
    {
      config: { permission: 'member.read' },
      schema: {
        tags,
        summary: '回执逾期（开具满 1 个月仍未收到回执）的转接',
        querystring: TransferOverdueQuery,
        response: { 200: TransferListResponse, ...standardErrors },
      },
    },
    async (request) => transfers.overdue(actorOf(request), request.query),
  );

  app.get(
    '/export',
    {
      config: { permission: 'member.export' },
      schema: {
        tags,
        summary: '导出组织关系转接台账（.xlsx，身份证号脱敏），记入审计',
        querystring: TransferExportQuery,
        response: { 200: Xlsx, ...standardErrors },
      },
    },
    async (request, reply) =>
      sendXlsx(request, reply, await output.prepareExport(actorOf(request), request.query)),
  );

  app.get(
    '/:id',
    {
      config: { permission: 'member.read' },
      schema: {
        tags,
        summary: '转接详情',
        params: TransferIdParams,
        response: { 200: TransferResponse, ...standardErrors },
      },
    },
    async (request) => transfers.get(actorOf(request), request.params.id),
  );

  app.get(
    '/:id/letter.pdf',
    {
      config: { permission: 'transfer.write' },
      schema: {
        tags,
        summary: '打印组织关系介绍信（存根、介绍信、回执三联；身份证号脱敏），记入审计',
        params: TransferIdParams,
        response: { 200: Pdf, ...standardErrors },
      },
    },
    async (request, reply) => sendPdf(reply, await output.letter(actorOf(request), request.params.id)),
  );

  app.post(
    '/:id/receipt',
    {
      config: { permission: 'transfer.write' },
      schema: {
        tags,
        summary: '登记回执，完成转接（转出：党员状态变为已转出；转入：党员编入接收支部并在册）',
        params: TransferIdParams,
        body: TransferReceiptBody,
        response: { 200: TransferResponse, ...standardErrors },
      },
    },
    async (request) => transfers.receipt(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/:id/cancel',
    {
      config: { permission: 'transfer.write' },
      schema: {
        tags,
        summary: '取消转接（须填写原因）',
        params: TransferIdParams,
        body: TransferCancelBody,
        response: { 200: TransferResponse, ...standardErrors },
      },
    },
    async (request) => transfers.cancel(actorOf(request), request.params.id, request.body),
  );
};
