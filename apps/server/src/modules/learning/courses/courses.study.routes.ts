/** A member's own courses (member.self): my courses, the player, heartbeats, the quiz. */
import {
  CourseBeatBody,
  CourseBeatResponse,
  CourseIdParams,
  MyCourseResponse,
  MyCoursesResponse,
  QuizAnswerBody,
  QuizResultResponse,
  standardErrors,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../../plugins/auth';
import type { CourseStudyService } from './courses.study';

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
};
