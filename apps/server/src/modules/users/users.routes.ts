import {
  RoleAssignBody,
  RoleAssignmentIdParams,
  standardErrors,
  UserCreateBody,
  UserIdParams,
  UserListResponse,
  UserResetPasswordBody,
  UserResponse,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/auth';
import type { UsersService } from './users.service';

const tags = ['账户 users'];

export const usersRoutes: FastifyPluginAsyncZod<{ users: UsersService }> = async (app, { users }) => {
  app.get(
    '/',
    {
      config: { permission: 'user.read' },
      schema: { tags, summary: '账户列表', response: { 200: UserListResponse, ...standardErrors } },
    },
    async (request) => ({
      items: await users.list(actorOf(request)),
    }),
  );

  app.post(
    '/',
    {
      config: { permission: 'user.write' },
      schema: {
        tags,
        summary: '创建账户（首次登录须改密）',
        body: UserCreateBody,
        response: { 201: UserResponse, ...standardErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await users.create(actorOf(request), request.body)),
  );

  app.get(
    '/:id',
    {
      config: { permission: 'user.read' },
      schema: {
        tags,
        summary: '账户详情',
        params: UserIdParams,
        response: { 200: UserResponse, ...standardErrors },
      },
    },
    async (request) => users.get(actorOf(request), request.params.id),
  );

  app.post(
    '/:id/reset-password',
    {
      config: { permission: 'user.write' },
      schema: {
        tags,
        summary: '重置密码（注销其全部会话、解除锁定）',
        params: UserIdParams,
        body: UserResetPasswordBody,
        response: { 200: UserResponse, ...standardErrors },
      },
    },
    async (request) => users.resetPassword(actorOf(request), request.params.id, request.body.password),
  );

  app.post(
    '/:id/unlock',
    {
      config: { permission: 'role.assign' },
      schema: {
        tags,
        summary: '解除登录锁定',
        params: UserIdParams,
        response: { 200: UserResponse, ...standardErrors },
      },
    },
    async (request) => users.unlock(actorOf(request), request.params.id),
  );

  app.post(
    '/:id/two-factor/reset',
    {
      config: { permission: 'role.assign' },
      schema: {
        tags,
        summary: '重置两步验证（手机丢失时）',
        params: UserIdParams,
        response: { 200: UserResponse, ...standardErrors },
      },
    },
    async (request) => users.resetTwoFactor(actorOf(request), request.params.id),
  );

  app.post(
    '/:id/roles',
    {
      config: { permission: 'role.assign' },
      schema: {
        tags,
        summary: '授予角色',
        params: UserIdParams,
        body: RoleAssignBody,
        response: { 200: UserResponse, ...standardErrors },
      },
    },
    async (request) => users.assignRole(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/:id/roles/:assignmentId',
    {
      config: { permission: 'role.assign' },
      schema: {
        tags,
        summary: '收回角色',
        params: RoleAssignmentIdParams,
        response: { 200: UserResponse, ...standardErrors },
      },
    },
    async (request) => users.revokeRole(actorOf(request), request.params.id, request.params.assignmentId),
  );
};
