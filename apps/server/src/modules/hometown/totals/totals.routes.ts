/** The ledgers' totals (hometown.read). */
import { standardErrors, TotalsQuery, TotalsResponse } from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../../plugins/auth';
import type { TotalsService } from './totals.service';

export const totalsRoutes: FastifyPluginAsyncZod<{ totals: TotalsService }> = async (app, { totals }) => {
  app.get(
    '/',
    {
      config: { permission: 'hometown.read' },
      schema: {
        tags: ['服务家乡 hometown'],
        summary: '服务家乡合计（按县区、年份：项目、投资、产值税收、捐赠、劳务输出人次；捐赠按用途）',
        querystring: TotalsQuery,
        response: { 200: TotalsResponse, ...standardErrors },
      },
    },
    async (request) => totals.totals(actorOf(request), request.query),
  );
};
