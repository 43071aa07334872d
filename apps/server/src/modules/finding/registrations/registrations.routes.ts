import {
  RegistrationAcceptBody,
  RegistrationDuplicateBody,
  RegistrationIdParams,
  RegistrationListQuery,
  RegistrationListResponse,
  RegistrationResponse,
  RegistrationReturnBody,
  standardErrors,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Pdf, sendPdf } from '../../../lib/downloads';
import { siteOf } from '../../../lib/site-url';
import { actorOf } from '../../../plugins/auth';
import type { RegistrationPoster } from './registrations.poster';
import type { RegistrationReview } from './registrations.service';

const tags = ['党员找组织 registrations'];
const permission = 'registration.review' as const;

/** The review queue of self-registrations, for the committees that review them. */
export const registrationRoutes: FastifyPluginAsyncZod<{
  review: RegistrationReview;
  poster: RegistrationPoster;
  publicUrl: string | undefined;
}> = async (app, { review, poster, publicUrl }) => {
  app.get(
    '/',
    {
      config: { permission },
      schema: {
        tags,
        summary: '报到登记审核队列（本组织及下级审核的登记，按提交时间倒序）',
        querystring: RegistrationListQuery,
        response: { 200: RegistrationListResponse, ...standardErrors },
      },
    },
    async (request) => review.list(actorOf(request), request.query),
  );

  app.get(
    '/poster.pdf',
    {
      config: { permission },
      schema: {
        tags,
        summary: '打印“党员找组织”二维码海报（A4 PDF，供街道、用人单位张贴）',
        response: { 200: Pdf, ...standardErrors },
      },
    },
    async (request, reply) => {
      const printed = await poster.render(actorOf(request), siteOf(request, publicUrl));
      return sendPdf(reply, printed);
    },
  );

  app.get(
    '/:id',
    {
      config: { permission },
      schema: {
        tags,
        summary: '报到登记详情',
        params: RegistrationIdParams,
        response: { 200: RegistrationResponse, ...standardErrors },
      },
    },
    async (request) => review.get(actorOf(request), request.params.id),
  );

  app.post(
    '/:id/accept',
    {
      config: { permission },
      schema: {
        tags,
        summary: '接收：建立党员档案（来源“自主报到”）并开通登录账户，编入所选支部',
        params: RegistrationIdParams,
        body: RegistrationAcceptBody,
        response: { 200: RegistrationResponse, ...standardErrors },
      },
    },
    async (request) => review.accept(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/:id/return',
    {
      config: { permission },
      schema: {
        tags,
        summary: '退回登记（须填写原因，申请人查询进度时可见）',
        params: RegistrationIdParams,
        body: RegistrationReturnBody,
        response: { 200: RegistrationResponse, ...standardErrors },
      },
    },
    async (request) => review.returnIt(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/:id/duplicate',
    {
      config: { permission },
      schema: {
        tags,
        summary: '标记为重复登记（关联身份证号相同的已有党员档案）',
        params: RegistrationIdParams,
        body: RegistrationDuplicateBody,
        response: { 200: RegistrationResponse, ...standardErrors },
      },
    },
    async (request) => review.duplicate(actorOf(request), request.params.id, request.body),
  );
};
