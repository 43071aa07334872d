/** The calculator, arrears, reminders and a member's dues (dues.read / dues.write; member.self for one's own). */
import {
  calculateDues,
  DuesArrearsQuery,
  DuesArrearsResponse,
  DuesCalculateQuery,
  DuesCalculateResponse,
  DuesMemberParams,
  DuesMemberResponse,
  DuesRemindBody,
  DuesRemindResponse,
  standardErrors,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendXlsx, Xlsx } from '../../lib/downloads';
import { actorOf } from '../../plugins/auth';
import { selfMemberId } from '../../policy/policy';
import type { DuesAccess } from './dues.access';
import type { ArrearsService } from './report/arrears.service';
import type { DuesExport } from './report/dues.export';

export const tags = ['党费 dues'];

export const duesRoutes: FastifyPluginAsyncZod<{
  access: DuesAccess;
  arrears: ArrearsService;
  exports: DuesExport;
}> = async (app, { access, arrears, exports }) => {
  app.get(
    '/calculate',
    {
      config: { permission: 'dues.read' },
      schema: {
        tags,
        summary: '党费测算：按月收入（元，最多两位小数）和类别算出每月应交党费（分）',
        querystring: DuesCalculateQuery,
        response: { 200: DuesCalculateResponse, ...standardErrors },
      },
    },
    async (request) => {
      const { value: rules } = await access.rules();
      return calculateDues(rules, request.query.class, request.query.base);
    },
  );

  app.get(
    '/arrears',
    {
      config: { permission: 'dues.read' },
      schema: {
        tags,
        summary: '欠缴党费名单（欠缴月数、金额、最早月份）',
        querystring: DuesArrearsQuery,
        response: { 200: DuesArrearsResponse, ...standardErrors },
      },
    },
    async (request) => arrears.arrears(actorOf(request), request.query),
  );

  app.get(
    '/arrears/export',
    {
      config: { permission: 'dues.read' },
      schema: {
        tags,
        summary: '导出欠缴党费名单（.xlsx），记入审计',
        querystring: DuesArrearsQuery.omit({ limit: true, cursor: true }),
        response: { 200: Xlsx, ...standardErrors },
      },
    },
    async (request, reply) =>
      sendXlsx(request, reply, await exports.arrears(actorOf(request), request.query)),
  );

  app.post(
    '/arrears/remind',
    {
      config: { permission: 'dues.write' },
      schema: {
        tags,
        summary: '提醒欠缴 3 个月及以上的党员（站内消息，每人每月一次）',
        body: DuesRemindBody,
        response: { 200: DuesRemindResponse, ...standardErrors },
      },
    },
    async (request) => arrears.remindNow(actorOf(request), request.body.orgId),
  );

  app.get(
    '/members/:memberId',
    {
      config: { permission: 'dues.read' },
      schema: {
        tags,
        summary: '党员的党费：基数、党费交至、欠缴月份',
        params: DuesMemberParams,
        response: { 200: DuesMemberResponse, ...standardErrors },
      },
    },
    async (request) => arrears.member(actorOf(request), request.params.memberId),
  );

  app.get(
    '/mine',
    {
      config: { permission: 'member.self' },
      schema: {
        tags,
        summary: '我的党费：基数、党费交至、欠缴月份',
        response: { 200: DuesMemberResponse, ...standardErrors },
      },
    },
    async (request) => arrears.mine(selfMemberId(actorOf(request))),
  );
};
