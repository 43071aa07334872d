import {
  JobListResponse,
  JobParams,
  JobRunListResponse,
  JobRunResponse,
  JobRunsQuery,
  standardErrors,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/auth';
import type { JobsService } from './jobs.service';

const tags = ['定时任务 jobs'];

export const jobsRoutes: FastifyPluginAsyncZod<{ jobs: JobsService }> = async (app, { jobs }) => {
  app.get(
    '/',
    {
      config: { permission: 'job.read' },
      schema: {
        tags,
        summary: '定时任务：计划、下次运行时间、最近一次运行',
        response: { 200: JobListResponse, ...standardErrors },
      },
    },
    async (request) => jobs.list(actorOf(request)),
  );

  app.get(
    '/runs',
    {
      config: { permission: 'job.read' },
      schema: {
        tags,
        summary: '运行记录（倒序）',
        querystring: JobRunsQuery,
        response: { 200: JobRunListResponse, ...standardErrors },
      },
    },
    async (request) => jobs.runs(actorOf(request), request.query),
  );

  app.post(
    '/:name/run',
    {
      config: { permission: 'job.read' },
      schema: {
        tags,
        summary: '立即运行（记入审计；运行结束后返回结果）',
        params: JobParams,
        response: { 200: JobRunResponse, ...standardErrors },
      },
    },
    async (request) => jobs.trigger(actorOf(request), request.params.name),
  );
};
