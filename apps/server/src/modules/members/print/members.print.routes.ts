import { MemberFormsBody, MemberIdParams, standardErrors } from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Pdf, sendPdf } from '../../../lib/downloads';
import { actorOf } from '../../../plugins/auth';
import type { MemberPrint } from './members.print';

const tags = ['党员 members'];

export const memberPrintRoutes: FastifyPluginAsyncZod<{ print: MemberPrint }> = async (app, { print }) => {
  app.get(
    '/:id/form.pdf',
    {
      config: { permission: 'member.export' },
      schema: {
        tags,
        summary: '打印党员信息采集表（PDF；身份证号、手机号脱敏），记入审计',
        params: MemberIdParams,
        response: { 200: Pdf, ...standardErrors },
      },
    },
    async (request, reply) => sendPdf(reply, await print.form(actorOf(request), request.params.id)),
  );

  app.post(
    '/forms.pdf',
    {
      config: { permission: 'member.export' },
      schema: {
        tags,
        summary: '批量打印所选党员的信息采集表（PDF，每人一页，最多 500 人），记入审计',
        body: MemberFormsBody,
        response: { 200: Pdf, ...standardErrors },
      },
    },
    async (request, reply) => sendPdf(reply, await print.forms(actorOf(request), request.body.ids)),
  );
};
