import {
  AnnualReportQuery,
  FeedbackRun,
  FeedbackRunBody,
  FeedbackRunCountyParams,
  FeedbackRunParams,
  standardErrors,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Pdf, sendPdf, sendXlsx, Xlsx } from '../../../lib/downloads';
import { attachmentHeader, XLSX_MIME } from '../../../lib/excel/xlsx-writer';
import { safeError } from '../../../lib/safe-error';
import { actorOf } from '../../../plugins/auth';
import type { ReportsService } from './reports.service';

const tags = ['统计报表 reports'];

export const reportsRoutes: FastifyPluginAsyncZod<{ reports: ReportsService }> = async (app, { reports }) => {
  // The runs' PDFs live in temporary directories: they go with the server.
  app.addHook('onClose', () => reports.dropRuns());

  app.get(
    '/annual.xlsx',
    {
      config: { permission: 'stats.read' },
      schema: {
        tags,
        summary: '下载年度党内统计报表（.xlsx：党员基本情况、党员变动情况、党组织基本情况），记入审计',
        querystring: AnnualReportQuery,
        response: { 200: Xlsx, ...standardErrors },
      },
    },
    async (request, reply) => {
      const prepared = await reports.annual(actorOf(request), request.query);
      return sendXlsx(request, reply, prepared);
    },
  );

  app.post(
    '/feedback-runs',
    {
      config: { permission: 'feedback.read' },
      schema: {
        tags,
        summary: '开始生成全委年度现实表现反馈汇总表（每个流出地县区一页），立即返回任务',
        body: FeedbackRunBody,
        response: { 202: FeedbackRun, ...standardErrors },
      },
    },
    async (request, reply) => {
      const run = reports.startFeedbackRun(actorOf(request), request.body, (err) =>
        request.log.error({ err: safeError(err as Error) }, 'feedback run failed'),
      );
      return reply.code(202).send(run);
    },
  );

  app.get(
    '/feedback-runs',
    {
      config: { permission: 'feedback.read' },
      schema: {
        tags,
        summary: '本人开始的反馈汇总表生成任务（最近的在前）',
        response: { 200: z.object({ items: z.array(FeedbackRun) }), ...standardErrors },
      },
    },
    async (request) => ({ items: reports.feedbackRuns(actorOf(request)) }),
  );

  app.get(
    '/feedback-runs/:id',
    {
      config: { permission: 'feedback.read' },
      schema: {
        tags,
        summary: '生成任务的进度（县区、党员完成数）',
        params: FeedbackRunParams,
        response: { 200: FeedbackRun, ...standardErrors },
      },
    },
    async (request) => reports.feedbackRun(actorOf(request), request.params.id),
  );

  app.get(
    '/feedback-runs/:id/workbook.xlsx',
    {
      config: { permission: 'feedback.read' },
      schema: {
        tags,
        summary: '下载已生成的全委现实表现反馈汇总表（.xlsx），记入审计',
        params: FeedbackRunParams,
        response: { 200: Xlsx, ...standardErrors },
      },
    },
    async (request, reply) => {
      const file = await reports.feedbackWorkbook(actorOf(request), request.params.id);
      return reply
        .header('content-type', XLSX_MIME)
        .header('content-disposition', attachmentHeader(file.fileName, file.asciiName))
        .header('cache-control', 'no-store')
        .send(file.stream);
    },
  );

  app.get(
    '/feedback-runs/:id/counties/:county.pdf',
    {
      config: { permission: 'feedback.read' },
      schema: {
        tags,
        summary: '下载生成任务中一个流出地县区的现实表现反馈表（PDF，每名党员一页），记入审计',
        params: FeedbackRunCountyParams,
        response: { 200: Pdf, ...standardErrors },
      },
    },
    async (request, reply) => {
      const { id, county } = request.params;
      return sendPdf(reply, await reports.feedbackCountyPdf(actorOf(request), id, county));
    },
  );
};
