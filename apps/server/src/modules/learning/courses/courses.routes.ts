/** Managing courses and series (course.manage): list, create, read, change, publish or withdraw. */
import {
  CourseCreateBody,
  CourseIdParams,
  CourseListQuery,
  CourseListResponse,
  CourseResponse,
  CourseStateBody,
  CourseUpdateBody,
  SeriesCreateBody,
  SeriesListResponse,
  SeriesResponse,
  standardErrors,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../../plugins/auth';
import type { CoursesService } from './courses.service';

const tags = ['课程 courses'];

export const coursesRoutes: FastifyPluginAsyncZod<{ courses: CoursesService }> = async (app, { courses }) => {
  app.get(
    '/series',
    {
      config: { permission: 'course.manage' },
      schema: {
        tags,
        summary: '课程系列（如“学习二十大精神”系列）',
        response: { 200: SeriesListResponse, ...standardErrors },
      },
    },
    async (request) => courses.seriesList(actorOf(request)),
  );

  app.post(
    '/series',
    {
      config: { permission: 'course.manage' },
      schema: {
        tags,
        summary: '新建课程系列',
        body: SeriesCreateBody,
        response: { 201: SeriesResponse, ...standardErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await courses.createSeries(actorOf(request), request.body)),
  );

  app.get(
    '/',
    {
      config: { permission: 'course.manage' },
      schema: {
        tags,
        summary: '课程列表（所辖范围内发布的；按类型、状态、系列筛选）',
        querystring: CourseListQuery,
        response: { 200: CourseListResponse, ...standardErrors },
      },
    },
    async (request) => courses.list(actorOf(request), request.query),
  );

  app.post(
    '/',
    {
      config: { permission: 'course.manage' },
      schema: {
        tags,
        summary: '新建课程（草稿）：图文、视频或文档，学习范围、学习时长与学时、必修课程可设测验',
        body: CourseCreateBody,
        response: { 201: CourseResponse, ...standardErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await courses.create(actorOf(request), request.body)),
  );

  app.get(
    '/:id',
    {
      config: { permission: 'course.manage' },
      schema: {
        tags,
        summary: '课程详情（开始学习、已完成人数）',
        params: CourseIdParams,
        response: { 200: CourseResponse, ...standardErrors },
      },
    },
    async (request) => courses.get(actorOf(request), request.params.id),
  );

  app.patch(
    '/:id',
    {
      config: { permission: 'course.manage' },
      schema: {
        tags,
        summary: '修改课程（已有人学习后，学习时长、学时和测验不能再改）',
        params: CourseIdParams,
        body: CourseUpdateBody,
        response: { 200: CourseResponse, ...standardErrors },
      },
    },
    async (request) => courses.update(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/:id/state',
    {
      config: { permission: 'course.manage' },
      schema: {
        tags,
        summary: '发布（学习范围内的党员收到站内消息）或撤回课程',
        params: CourseIdParams,
        body: CourseStateBody,
        response: { 200: CourseResponse, ...standardErrors },
      },
    },
    async (request) => courses.changeState(actorOf(request), request.params.id, request.body),
  );
};
