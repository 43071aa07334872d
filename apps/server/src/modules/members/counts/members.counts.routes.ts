import { MemberCountsQuery, MemberCountsResponse, standardErrors } from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../../plugins/auth';
import type { MemberCounts } from './members.counts';

export const memberCountsRoutes: FastifyPluginAsyncZod<{ counts: MemberCounts }> = async (
  app,
  { counts },
) => {
  app.get(
    '/counts',
    {
      config: { permission: 'member.read' },
      schema: {
        tags: ['党员 members'],
        summary: '党员人数统计（按流出地县区、二级流动党委或状态；按范围过滤）',
        querystring: MemberCountsQuery,
        response: { 200: MemberCountsResponse, ...standardErrors },
      },
    },
    async (request) => counts.counts(actorOf(request), request.query),
  );
};
