import { standardErrors, WorkbenchResponse } from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/auth';
import type { WorkbenchService } from './workbench.service';

export const workbenchRoutes: FastifyPluginAsyncZod<{ workbench: WorkbenchService }> = async (
  app,
  { workbench },
) => {
  app.get(
    '/',
    {
      config: { permission: 'session' },
      schema: {
        tags: ['工作台 workbench'],
        summary: '工作台：本人范围内的党员数字与待办事项',
        response: { 200: WorkbenchResponse, ...standardErrors },
      },
    },
    async (request) => workbench.get(actorOf(request)),
  );
};
