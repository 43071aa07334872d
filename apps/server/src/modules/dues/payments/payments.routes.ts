/** Payments: dues.read to list, dues.write to record and reverse. */
import {
  DuesPaymentCreateBody,
  DuesPaymentListQuery,
  DuesPaymentListResponse,
  DuesPaymentResponse,
  DuesPaymentReverseBody,
  IdParams,
  standardErrors,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../../plugins/auth';
import { tags } from '../dues.routes';
import type { PaymentsService } from './payments.service';

export const paymentsRoutes: FastifyPluginAsyncZod<{ payments: PaymentsService }> = async (
  app,
  { payments },
) => {
  app.get(
    '/',
    {
      config: { permission: 'dues.read' },
      schema: {
        tags,
        summary: '党费交纳记录（按党员、组织、年度）',
        querystring: DuesPaymentListQuery,
        response: { 200: DuesPaymentListResponse, ...standardErrors },
      },
    },
    async (request) => payments.list(actorOf(request), request.query),
  );

  app.post(
    '/',
    {
      config: { permission: 'dues.write' },
      schema: {
        tags,
        summary: '登记交纳党费（一个月或连续多月；金额由系统按基数计算）',
        body: DuesPaymentCreateBody,
        response: { 201: DuesPaymentResponse, ...standardErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await payments.create(actorOf(request), request.body)),
  );

  app.get(
    '/:id',
    {
      config: { permission: 'dues.read' },
      schema: {
        tags,
        summary: '交纳记录详情',
        params: IdParams,
        response: { 200: DuesPaymentResponse, ...standardErrors },
      },
    },
    async (request) => payments.get(actorOf(request), request.params.id),
  );

  app.post(
    '/:id/reverse',
    {
      config: { permission: 'dues.write' },
      schema: {
        tags,
        summary: '冲正误登记的交纳（所涉月份恢复为未交）',
        params: IdParams,
        body: DuesPaymentReverseBody,
        response: { 200: DuesPaymentResponse, ...standardErrors },
      },
    },
    async (request) => payments.reverse(actorOf(request), request.params.id, request.body.reason),
  );
};
