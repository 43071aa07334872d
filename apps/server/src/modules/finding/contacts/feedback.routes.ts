import {
  divisionName,
  FeedbackItem,
  FeedbackListQuery,
  FeedbackListResponse,
  FeedbackParams,
  FeedbackSendBody,
  FeedbackSendResponse,
  FeedbackUpdateBody,
  FeedbackWorkbookQuery,
  standardErrors,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Pdf, sendPdf, sendXlsx, Xlsx } from '../../../lib/downloads';
import { actorOf } from '../../../plugins/auth';
import type { FeedbackService } from './feedback.service';
import { writeFeedbackWorkbook } from './feedback.sheet';

const tags = ['现实表现反馈 feedback'];

export const feedbackRoutes: FastifyPluginAsyncZod<{ feedback: FeedbackService }> = async (
  app,
  { feedback },
) => {
  app.get(
    '/',
    {
      config: { permission: 'feedback.read' },
      schema: {
        tags,
        summary: '年度现实表现反馈：管理范围内的在册党员，年度数据与党组织意见',
        querystring: FeedbackListQuery,
        response: { 200: FeedbackListResponse, ...standardErrors },
      },
    },
    async (request) => feedback.list(actorOf(request), request.query),
  );

  app.get(
    '/workbook',
    {
      config: { permission: 'feedback.read' },
      schema: {
        tags,
        summary: '下载一个流出地县区的年度现实表现反馈汇总表（.xlsx），记入审计',
        querystring: FeedbackWorkbookQuery,
        response: { 200: Xlsx, ...standardErrors },
      },
    },
    async (request, reply) => {
      const { year, county } = request.query;
      const items = await feedback.workbookItems(actorOf(request), year, county);
      const name = divisionName(county) ?? county;
      return sendXlsx(request, reply, {
        fileName: `现实表现反馈_${name}_${year}.xlsx`,
        asciiName: `feedback-${county}-${year}.xlsx`,
        write: (workbook) => writeFeedbackWorkbook(workbook, items, `${name}${year}年度`),
      });
    },
  );

  app.post(
    '/send',
    {
      config: { permission: 'feedback.write' },
      schema: {
        tags,
        summary: '发送一个流出地县区的年度反馈（标记已发送，通知该县区组织部），记入审计',
        body: FeedbackSendBody,
        response: { 200: FeedbackSendResponse, ...standardErrors },
      },
    },
    async (request) => feedback.send(actorOf(request), request.body),
  );

  app.put(
    '/:memberId/:year',
    {
      config: { permission: 'feedback.write' },
      schema: {
        tags,
        summary: '填写党员年度现实表现的党组织意见（首次填写 version 为 0），记入审计',
        params: FeedbackParams,
        body: FeedbackUpdateBody,
        response: { 200: FeedbackItem, ...standardErrors },
      },
    },
    async (request) =>
      feedback.update(actorOf(request), request.params.memberId, request.params.year, request.body),
  );

  app.get(
    '/:memberId/:year.pdf',
    {
      config: { permission: 'feedback.read' },
      schema: {
        tags,
        summary: '打印党员的年度现实表现反馈表（PDF），记入审计',
        params: FeedbackParams,
        response: { 200: Pdf, ...standardErrors },
      },
    },
    async (request, reply) => {
      const printed = await feedback.pdf(actorOf(request), request.params.memberId, request.params.year);
      return sendPdf(reply, printed);
    },
  );
};
