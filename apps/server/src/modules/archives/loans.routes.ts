/** Loans of archive items: the list (out, overdue, all) and taking an item back. */
import {
  ArchiveLoanIdParams,
  ArchiveLoanListQuery,
  ArchiveLoanListResponse,
  ArchiveLoanResponse,
  ArchiveReturnBody,
  standardErrors,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/auth';
import type { LoansService } from './loans.service';

const tags = ['档案 archives'];

export const loansRoutes: FastifyPluginAsyncZod<{ loans: LoansService }> = async (app, { loans }) => {
  app.get(
    '/',
    {
      config: { permission: 'archive.read' },
      schema: {
        tags,
        summary: '借阅登记（借出中按应还日期，已逾期，全部按借出日期倒序）',
        querystring: ArchiveLoanListQuery,
        response: { 200: ArchiveLoanListResponse, ...standardErrors },
      },
    },
    async (request) => loans.list(actorOf(request), request.query),
  );

  app.post(
    '/:id/return',
    {
      config: { permission: 'archive.write' },
      schema: {
        tags,
        summary: '归还档案',
        params: ArchiveLoanIdParams,
        body: ArchiveReturnBody,
        response: { 200: ArchiveLoanResponse, ...standardErrors },
      },
    },
    async (request) => loans.giveBack(actorOf(request), request.params.id, request.body),
  );
};
