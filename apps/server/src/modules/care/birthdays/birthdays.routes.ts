/** Party anniversaries (care.read to list, care.write to print a card) and a member's own care records. */
import {
  CareBirthdayCardParams,
  CareBirthdaysQuery,
  CareBirthdaysResponse,
  CareMineResponse,
  standardErrors,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Pdf, sendPdf } from '../../../lib/downloads';
import { actorOf } from '../../../plugins/auth';
import type { BirthdaysService } from './birthdays.service';

const tags = ['关爱 care'];

export const birthdaysRoutes: FastifyPluginAsyncZod<{ birthdays: BirthdaysService }> = async (
  app,
  { birthdays },
) => {
  app.get(
    '/',
    {
      config: { permission: 'care.read' },
      schema: {
        tags,
        summary: '政治生日：所辖党员中入党纪念日在所选时段（默认今天起 7 天）的党员及党龄',
        querystring: CareBirthdaysQuery,
        response: { 200: CareBirthdaysResponse, ...standardErrors },
      },
    },
    async (request) => birthdays.list(actorOf(request), request.query),
  );

  app.get(
    '/:memberId/card.pdf',
    {
      config: { permission: 'care.write' },
      schema: {
        tags,
        summary: '打印党员的政治生日贺卡（PDF），记入审计',
        params: CareBirthdayCardParams,
        response: { 200: Pdf, ...standardErrors },
      },
    },
    async (request, reply) => sendPdf(reply, await birthdays.card(actorOf(request), request.params.memberId)),
  );
};

export const careMineRoutes: FastifyPluginAsyncZod<{ birthdays: BirthdaysService }> = async (
  app,
  { birthdays },
) => {
  app.get(
    '/',
    {
      config: { permission: 'member.self' },
      schema: {
        tags,
        summary: '我的关爱与表彰：下一个政治生日、走访慰问、困难帮扶、获得表彰',
        response: { 200: CareMineResponse, ...standardErrors },
      },
    },
    async (request) => birthdays.mine(actorOf(request)),
  );
};
