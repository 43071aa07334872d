import {
  NoticeCreateBody,
  NoticeIdParams,
  NoticeListQuery,
  NoticeListResponse,
  NoticeReceiptListResponse,
  NoticeReceiptQuery,
  NoticeRemindResponse,
  NoticeResponse,
  NoticeUpdateBody,
  standardErrors,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/auth';
import type { NoticeReceipts } from './notices.receipts';
import type { NoticesService } from './notices.service';

const tags = ['通知公告 notices'];

export const noticesRoutes: FastifyPluginAsyncZod<{
  notices: NoticesService;
  receipts: NoticeReceipts;
}> = async (app, { notices, receipts }) => {
  app.get(
    '/',
    {
      config: { permission: 'notice.send' },
      schema: {
        tags,
        summary: '我发出的及所辖范围内的通知',
        querystring: NoticeListQuery,
        response: { 200: NoticeListResponse, ...standardErrors },
      },
    },
    async (request) => notices.list(actorOf(request), request.query),
  );

  app.post(
    '/',
    {
      config: { permission: 'notice.send' },
      schema: {
        tags,
        summary: '发通知（立即或定时发布）',
        body: NoticeCreateBody,
        response: { 201: NoticeResponse, ...standardErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await notices.create(actorOf(request), request.body)),
  );

  app.get(
    '/:id',
    {
      config: { permission: 'session' },
      schema: {
        tags,
        summary: '通知详情（发送人、所辖上级或收件人；收件人打开即为已读）',
        params: NoticeIdParams,
        response: { 200: NoticeResponse, ...standardErrors },
      },
    },
    async (request) => notices.get(actorOf(request), request.params.id),
  );

  app.patch(
    '/:id',
    {
      config: { permission: 'notice.send' },
      schema: {
        tags,
        summary: '修改尚未发布的定时通知',
        params: NoticeIdParams,
        body: NoticeUpdateBody,
        response: { 200: NoticeResponse, ...standardErrors },
      },
    },
    async (request) => notices.update(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/:id/receipts',
    {
      config: { permission: 'notice.send' },
      schema: {
        tags,
        summary: '阅读回执（每个收件人的已读、未读）',
        params: NoticeIdParams,
        querystring: NoticeReceiptQuery,
        response: { 200: NoticeReceiptListResponse, ...standardErrors },
      },
    },
    async (request) => receipts.list(actorOf(request), request.params.id, request.query),
  );

  app.post(
    '/:id/remind',
    {
      config: { permission: 'notice.send' },
      schema: {
        tags,
        summary: '提醒未读（每小时最多一次）',
        params: NoticeIdParams,
        response: { 200: NoticeRemindResponse, ...standardErrors },
      },
    },
    async (request) => receipts.remind(actorOf(request), request.params.id),
  );
};
