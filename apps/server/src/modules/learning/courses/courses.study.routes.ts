/** A member's own courses (member.self): my courses, the player, heartbeats, the quiz. */
import {
  CourseBeatBody,
  CourseBeatResponse,
  CourseIdParams,
  MyCourseResponse,
  MyCoursesResponse,
  ProblemResponse,
  QuizAnswerBody,
  QuizResultResponse,
  standardErrors,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../../plugins/auth';
import { sendProblem } from '../../../plugins/error-handler';
import type { CourseStudyService } from './courses.study';

/** A document's content, sent as it is. */
const Content = z.unknown().meta({ description: '文档内容（PDF）' });
const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

const tags = ['课程 courses'];

export const courseStudyRoutes: FastifyPluginAsyncZod<{ study: CourseStudyService }> = async (
  app,
  { study },
) => {
  app.get(
    '/mine',
    {
      config: { permission: 'member.self' },
      schema: {
        tags,
        summary: '我的课程：发给我的课程（必修在前）及我的学习进度',
        response: { 200: MyCoursesResponse, ...standardErrors },
      },
    },
    async (request) => study.mine(actorOf(request)),
  );

  app.get(
    '/mine/:id',
    {
      config: { permission: 'member.self' },
      schema: {
        tags,
        summary: '学习课程：正文或视频、文档，测验题目（不含答案），我的进度',
        params: CourseIdParams,
        response: { 200: MyCourseResponse, ...standardErrors },
      },
    },
    async (request) => study.one(actorOf(request), request.params.id),
  );

  app.post(
    '/:id/progress',
    {
      config: { permission: 'member.self' },
      schema: {
        tags,
        summary:
          '学习心跳（每 30 秒）：由服务器判定计入的时长——页面可见、正常倍速及以下实际播放的时间，同一时间仅一台设备，重复的心跳只计一次',
        params: CourseIdParams,
        body: CourseBeatBody,
        response: { 200: CourseBeatResponse, ...standardErrors },
      },
    },
    async (request) => study.beat(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/:id/quiz',
    {
      config: { permission: 'member.self' },
      schema: {
        tags,
        summary: '提交测验答案（学完课程后）；及格即完成课程并计入学时',
        params: CourseIdParams,
        body: QuizAnswerBody,
        response: { 200: QuizResultResponse, ...standardErrors },
      },
    },
    async (request) => study.answerQuiz(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/mine/:id/document',
    {
      config: { permission: 'member.self' },
      schema: {
        tags,
        summary: '文档课程的 PDF，在页面内显示（支持 Range 分段请求）',
        params: CourseIdParams,
        response: { 200: Content, 206: Content, 304: Content, ...standardErrors, 416: ProblemResponse },
      },
    },
    async (request, reply) => {
      const download = await study.document(actorOf(request), request.params.id, {
        range: header(request.headers.range),
        ifRange: header(request.headers['if-range']),
        ifNoneMatch: header(request.headers['if-none-match']),
        headOnly: request.method === 'HEAD',
      });
      // Shown in the page (the PDF viewer of the browser), not saved.
      const headers = { ...download.headers };
      if (headers['content-disposition']) headers['content-disposition'] = 'inline';
      reply.code(download.status).headers(headers);
      if (download.status === 416)
        return sendProblem(reply, {
          status: 416,
          code: 'RANGE_NOT_SATISFIABLE',
          message: '请求的范围超出了文件大小',
        });
      return reply.send(download.body ?? undefined);
    },
  );
};
