import {
  ChangePasswordBody,
  LoginBody,
  MeResponse,
  ProblemResponse,
  SessionIdParams,
  SessionListResponse,
  standardErrors,
  TwoFactorDisableBody,
  TwoFactorEnableBody,
  TwoFactorEnableResponse,
  TwoFactorSetupResponse,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, clientOf } from '../../plugins/auth';
import type { AuthService } from './auth.service';
import { SESSION_COOKIE } from './auth.session';

const tags = ['认证 auth'];

export const authRoutes: FastifyPluginAsyncZod<{ auth: AuthService }> = async (app, { auth }) => {
  app.post(
    '/login',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '登录',
        security: [],
        body: LoginBody,
        response: {
          200: MeResponse,
          400: ProblemResponse,
          401: ProblemResponse,
          403: ProblemResponse,
          429: ProblemResponse,
        },
      },
    },
    async (request, reply) => {
      const { token, actor, expiresAt } = await auth.login(request.body, clientOf(request));
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: request.protocol === 'https',
        expires: expiresAt,
      });
      return auth.me(actor, expiresAt);
    },
  );

  app.post(
    '/logout',
    {
      config: { permission: 'session', beforePasswordChange: true },
      schema: { tags, summary: '退出登录', response: { 204: z.null(), 401: ProblemResponse } },
    },
    async (request, reply) => {
      await auth.logout(actorOf(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/me',
    {
      config: { permission: 'session', beforePasswordChange: true },
      schema: { tags, summary: '当前用户、角色与权限', response: { 200: MeResponse, 401: ProblemResponse } },
    },
    async (request) => auth.me(actorOf(request), request.sessionExpiresAt!),
  );

  app.post(
    '/password',
    {
      config: { permission: 'session', beforePasswordChange: true },
      schema: {
        tags,
        summary: '修改密码（注销其他会话）',
        body: ChangePasswordBody,
        response: { 204: z.null(), ...standardErrors },
      },
    },
    async (request, reply) => {
      await auth.changePassword(actorOf(request), request.body);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/sessions',
    {
      config: { permission: 'session' },
      schema: { tags, summary: '我的登录会话', response: { 200: SessionListResponse, 401: ProblemResponse } },
    },
    async (request) => ({ items: await auth.listSessions(actorOf(request)) }),
  );

  app.delete(
    '/sessions/:id',
    {
      config: { permission: 'session' },
      schema: {
        tags,
        summary: '注销一个会话',
        params: SessionIdParams,
        response: { 204: z.null(), ...standardErrors },
      },
    },
    async (request, reply) => {
      await auth.revokeSession(actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/two-factor/setup',
    {
      config: { permission: 'session', beforeTwoFactor: true },
      schema: {
        tags,
        summary: '开启两步验证：生成密钥（添加到身份验证器）',
        response: { 200: TwoFactorSetupResponse, ...standardErrors },
      },
    },
    async (request) => auth.twoFactorSetup(actorOf(request)),
  );

  app.post(
    '/two-factor/enable',
    {
      config: { permission: 'session', beforeTwoFactor: true },
      schema: {
        tags,
        summary: '开启两步验证：输入动态码确认，返回恢复码（只显示一次）',
        body: TwoFactorEnableBody,
        response: { 200: TwoFactorEnableResponse, ...standardErrors },
      },
    },
    async (request) => auth.enableTwoFactor(actorOf(request), request.body),
  );

  app.post(
    '/two-factor/disable',
    {
      config: { permission: 'session' },
      schema: {
        tags,
        summary: '关闭两步验证（需密码和动态码）',
        body: TwoFactorDisableBody,
        response: { 204: z.null(), ...standardErrors },
      },
    },
    async (request, reply) => {
      await auth.disableTwoFactor(actorOf(request), request.body);
      return reply.code(204).send(null);
    },
  );
};
