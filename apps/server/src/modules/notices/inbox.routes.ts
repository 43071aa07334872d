import {
  InboxItemIdParams,
  InboxItemResponse,
  InboxListQuery,
  InboxListResponse,
  InboxReadAllResponse,
  standardErrors,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/auth';
import type { InboxService } from './inbox.service';

const tags = ['收件箱 inbox'];

export const inboxRoutes: FastifyPluginAsyncZod<{ inbox: InboxService }> = async (app, { inbox }) => {
  app.get(
    '/',
    {
      config: { permission: 'session' },
      schema: {
        tags,
        summary: '我的收件箱（含未读数）',
        querystring: InboxListQuery,
        response: { 200: InboxListResponse, ...standardErrors },
      },
    },
    async (request) => inbox.list(actorOf(request), request.query),
  );

  app.post(
    '/read-all',
    {
      config: { permission: 'session' },
      schema: {
        tags,
        summary: '全部标为已读',
        response: { 200: InboxReadAllResponse, ...standardErrors },
      },
    },
    async (request) => inbox.readAll(actorOf(request)),
  );

  app.post(
    '/:id/read',
    {
      config: { permission: 'session' },
      schema: {
        tags,
        summary: '打开一条消息（标为已读）',
        params: InboxItemIdParams,
        response: { 200: InboxItemResponse, ...standardErrors },
      },
    },
    async (request) => inbox.read(actorOf(request), request.params.id),
  );
};
