import { ActivityQuery, ActivityTimelineResponse, IdParams, standardErrors } from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/auth';
import type { ActivityService } from './activity.service';

export const activityRoutes: FastifyPluginAsyncZod<{ activity: ActivityService }> = async (
  app,
  { activity },
) => {
  app.get(
    '/:id/activity',
    {
      config: { permission: 'member.read' },
      schema: {
        tags: ['党员 members'],
        summary: '党员履历：某年的记录与按类别的年度合计；不带年份时为最近的记录（新者在前，游标分页）',
        params: IdParams,
        querystring: ActivityQuery,
        response: { 200: ActivityTimelineResponse, ...standardErrors },
      },
    },
    async (request) => activity.timeline(actorOf(request), request.params.id, request.query),
  );
};
