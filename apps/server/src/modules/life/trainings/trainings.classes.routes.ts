/** Managing classes (training.manage): list, create, read, change and move through the states. */
import {
  standardErrors,
  TrainingCreateBody,
  TrainingIdParams,
  TrainingListQuery,
  TrainingListResponse,
  TrainingResponse,
  TrainingStateBody,
  TrainingUpdateBody,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../../plugins/auth';
import type { TrainingClassesService } from './trainings.classes.service';

const tags = ['培训班 trainings'];

export const trainingClassesRoutes: FastifyPluginAsyncZod<{
  classes: TrainingClassesService;
}> = async (app, { classes }) => {
  app.get(
    '/',
    {
      config: { permission: 'training.manage' },
      schema: {
        tags,
        summary: '培训班列表（所辖范围内；按类型、状态、年份、主办组织筛选）',
        querystring: TrainingListQuery,
        response: { 200: TrainingListResponse, ...standardErrors },
      },
    },
    async (request) => classes.list(actorOf(request), request.query),
  );

  app.post(
    '/',
    {
      config: { permission: 'training.manage' },
      schema: {
        tags,
        summary: '新建培训班或学习考察（草稿）',
        body: TrainingCreateBody,
        response: { 201: TrainingResponse, ...standardErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await classes.create(actorOf(request), request.body)),
  );

  app.get(
    '/:id',
    {
      config: { permission: 'training.manage' },
      schema: {
        tags,
        summary: '培训班详情（报名、候补、结业人数）',
        params: TrainingIdParams,
        response: { 200: TrainingResponse, ...standardErrors },
      },
    },
    async (request) => classes.get(actorOf(request), request.params.id),
  );

  app.patch(
    '/:id',
    {
      config: { permission: 'training.manage' },
      schema: {
        tags,
        summary: '修改培训班（名额增加时候补依次递补）',
        params: TrainingIdParams,
        body: TrainingUpdateBody,
        response: { 200: TrainingResponse, ...standardErrors },
      },
    },
    async (request) => classes.update(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/:id/state',
    {
      config: { permission: 'training.manage' },
      schema: {
        tags,
        summary: '开始报名、截止报名、结业或取消',
        params: TrainingIdParams,
        body: TrainingStateBody,
        response: { 200: TrainingResponse, ...standardErrors },
      },
    },
    async (request) => classes.changeState(actorOf(request), request.params.id, request.body),
  );
};
