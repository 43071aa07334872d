/** Yearly reports (思想汇报、情况报告): readers' list, a member's own, one, submit, edit, acknowledge. */
import {
  MemberReportAckBody,
  MemberReportCreateBody,
  MemberReportIdParams,
  MemberReportListQuery,
  MemberReportListResponse,
  MemberReportResponse,
  MemberReportUpdateBody,
  MyReportsResponse,
  standardErrors,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../../plugins/auth';
import type { ReportsService } from './reports.service';

const tags = ['思想汇报 member-reports'];

export const reportsRoutes: FastifyPluginAsyncZod<{ reports: ReportsService }> = async (app, { reports }) => {
  app.get(
    '/',
    {
      config: { permission: 'report.read' },
      schema: {
        tags,
        summary: '党员的思想汇报、情况报告（书记看所辖组织的，流出地看本县的）',
        querystring: MemberReportListQuery,
        response: { 200: MemberReportListResponse, ...standardErrors },
      },
    },
    async (request) => reports.list(actorOf(request), request.query),
  );

  app.get(
    '/mine',
    {
      config: { permission: 'member.self' },
      schema: {
        tags,
        summary: '我的思想汇报、情况报告（及本年度是否已提交）',
        response: { 200: MyReportsResponse, ...standardErrors },
      },
    },
    async (request) => reports.mine(actorOf(request)),
  );

  app.post(
    '/',
    {
      config: { permission: 'member.self' },
      schema: {
        tags,
        summary: '提交年度思想汇报或情况报告（文件随后以 ownerType=member_report 上传）',
        body: MemberReportCreateBody,
        response: { 201: MemberReportResponse, ...standardErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await reports.create(actorOf(request), request.body)),
  );

  app.get(
    '/:id',
    {
      config: { permission: 'session' },
      schema: {
        tags,
        summary: '报告详情（本人或有权阅读的人）',
        params: MemberReportIdParams,
        response: { 200: MemberReportResponse, ...standardErrors },
      },
    },
    async (request) => reports.get(actorOf(request), request.params.id),
  );

  app.patch(
    '/:id',
    {
      config: { permission: 'member.self' },
      schema: {
        tags,
        summary: '修改报告（已阅前）',
        params: MemberReportIdParams,
        body: MemberReportUpdateBody,
        response: { 200: MemberReportResponse, ...standardErrors },
      },
    },
    async (request) => reports.update(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/:id/acknowledge',
    {
      config: { permission: 'reflection.review' },
      schema: {
        tags,
        summary: '阅知报告并填写意见',
        params: MemberReportIdParams,
        body: MemberReportAckBody,
        response: { 200: MemberReportResponse, ...standardErrors },
      },
    },
    async (request) => reports.acknowledge(actorOf(request), request.params.id, request.body),
  );
};
