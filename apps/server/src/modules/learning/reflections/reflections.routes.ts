/** Reflections: review list, a member's own, the featured ones, one, post, edit, review, feature, comments. */
import {
  CommentCreateBody,
  CommentListResponse,
  CommentModerateBody,
  CommentResponse,
  FeaturedListQuery,
  ReflectionCommentParams,
  ReflectionCreateBody,
  ReflectionFeatureBody,
  ReflectionIdParams,
  ReflectionListQuery,
  ReflectionListResponse,
  ReflectionResponse,
  ReflectionReviewBody,
  ReflectionSubjectsResponse,
  ReflectionUpdateBody,
  standardErrors,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../../plugins/auth';
import type { ReflectionComments } from './reflections.comments';
import type { ReflectionsService } from './reflections.service';

const tags = ['心得体会 reflections'];

export const reflectionsRoutes: FastifyPluginAsyncZod<{
  reflections: ReflectionsService;
  comments: ReflectionComments;
}> = async (app, { reflections, comments }) => {
  app.get(
    '/',
    {
      config: { permission: 'reflection.review' },
      schema: {
        tags,
        summary: '心得体会审核列表（所辖范围内；按状态、组织、年份、待审评论筛选）',
        querystring: ReflectionListQuery,
        response: { 200: ReflectionListResponse, ...standardErrors },
      },
    },
    async (request) => reflections.list(actorOf(request), request.query),
  );

  app.get(
    '/mine',
    {
      config: { permission: 'member.self' },
      schema: {
        tags,
        summary: '我的心得体会',
        response: { 200: ReflectionListResponse, ...standardErrors },
      },
    },
    async (request) => reflections.mine(actorOf(request)),
  );

  app.get(
    '/featured',
    {
      config: { permission: 'session' },
      schema: {
        tags,
        summary: '精选心得体会（全委员会可见）',
        querystring: FeaturedListQuery,
        response: { 200: ReflectionListResponse, ...standardErrors },
      },
    },
    async (request) => reflections.featured(actorOf(request), request.query),
  );

  app.get(
    '/subjects',
    {
      config: { permission: 'member.self' },
      schema: {
        tags,
        summary: '可撰写心得的学习内容（面向本人的课程、参加的会议和培训班）',
        response: { 200: ReflectionSubjectsResponse, ...standardErrors },
      },
    },
    async (request) => reflections.subjects(actorOf(request)),
  );

  app.post(
    '/',
    {
      config: { permission: 'member.self' },
      schema: {
        tags,
        summary: '发表心得体会（提交审核；照片随后以 ownerType=reflection 上传）',
        body: ReflectionCreateBody,
        response: { 201: ReflectionResponse, ...standardErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await reflections.create(actorOf(request), request.body)),
  );

  app.get(
    '/:id',
    {
      config: { permission: 'session' },
      schema: {
        tags,
        summary: '心得体会详情（作者、审核人，精选后所有人）',
        params: ReflectionIdParams,
        response: { 200: ReflectionResponse, ...standardErrors },
      },
    },
    async (request) => reflections.get(actorOf(request), request.params.id),
  );

  app.patch(
    '/:id',
    {
      config: { permission: 'member.self' },
      schema: {
        tags,
        summary: '修改心得体会（待审核或已退回；已退回的修改后重新提交审核）',
        params: ReflectionIdParams,
        body: ReflectionUpdateBody,
        response: { 200: ReflectionResponse, ...standardErrors },
      },
    },
    async (request) => reflections.update(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/:id/review',
    {
      config: { permission: 'reflection.review' },
      schema: {
        tags,
        summary: '审核心得体会：通过，或填写意见退回',
        params: ReflectionIdParams,
        body: ReflectionReviewBody,
        response: { 200: ReflectionResponse, ...standardErrors },
      },
    },
    async (request) => reflections.review(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/:id/feature',
    {
      config: { permission: 'reflection.review' },
      schema: {
        tags,
        summary: '精选或取消精选（仅审核通过的）',
        params: ReflectionIdParams,
        body: ReflectionFeatureBody,
        response: { 200: ReflectionResponse, ...standardErrors },
      },
    },
    async (request) => reflections.feature(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/:id/comments',
    {
      config: { permission: 'session' },
      schema: {
        tags,
        summary: '评论（审核人看全部；其他人看已显示的和自己的）',
        params: ReflectionIdParams,
        response: { 200: CommentListResponse, ...standardErrors },
      },
    },
    async (request) => comments.list(actorOf(request), request.params.id),
  );

  app.post(
    '/:id/comments',
    {
      config: { permission: 'session' },
      schema: {
        tags,
        summary: '发表评论（审核后显示）',
        params: ReflectionIdParams,
        body: CommentCreateBody,
        response: { 201: CommentResponse, ...standardErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await comments.add(actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/:id/comments/:commentId/moderate',
    {
      config: { permission: 'reflection.review' },
      schema: {
        tags,
        summary: '审核评论：显示或不予显示',
        params: ReflectionCommentParams,
        body: CommentModerateBody,
        response: { 200: CommentResponse, ...standardErrors },
      },
    },
    async (request) =>
      comments.moderate(actorOf(request), request.params.id, request.params.commentId, request.body),
  );
};
