import {
  AuditEntryResponse,
  MemberAccountBody,
  MemberCreateBody,
  MemberIdParams,
  MemberListQuery,
  MemberListResponse,
  MemberResponse,
  MemberRevealBody,
  MemberRevealResponse,
  MemberStatusChangeBody,
  MemberUpdateBody,
  standardErrors,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../../plugins/auth';
import type { MemberActions } from './members.actions';
import type { MembersService } from './members.service';

const tags = ['党员 members'];

export const membersRoutes: FastifyPluginAsyncZod<{
  members: MembersService;
  actions: MemberActions;
}> = async (app, { members, actions }) => {
  app.get(
    '/',
    {
      config: { permission: 'member.read' },
      schema: {
        tags,
        summary: '党员列表与检索（姓名、拼音、手机或身份证后 4 位；按范围过滤；游标分页）',
        querystring: MemberListQuery,
        response: { 200: MemberListResponse, ...standardErrors },
      },
    },
    async (request) => members.list(actorOf(request), request.query),
  );

  app.post(
    '/',
    {
      config: { permission: 'member.write' },
      schema: {
        tags,
        summary: '新建党员档案',
        body: MemberCreateBody,
        response: { 201: MemberResponse, ...standardErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await members.create(actorOf(request), request.body)),
  );

  app.get(
    '/:id',
    {
      config: { permission: 'member.read' },
      schema: {
        tags,
        summary: '党员档案（脱敏）',
        params: MemberIdParams,
        response: { 200: MemberResponse, ...standardErrors },
      },
    },
    async (request) => members.get(actorOf(request), request.params.id),
  );

  app.patch(
    '/:id',
    {
      config: { permission: 'member.write' },
      schema: {
        tags,
        summary: '修改党员档案（须带 version）',
        params: MemberIdParams,
        body: MemberUpdateBody,
        response: { 200: MemberResponse, ...standardErrors },
      },
    },
    async (request) => members.update(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/:id/status',
    {
      config: { permission: 'member.write' },
      schema: {
        tags,
        summary: '变更党员状态（日期、原因）',
        params: MemberIdParams,
        body: MemberStatusChangeBody,
        response: { 200: MemberResponse, ...standardErrors },
      },
    },
    async (request) => actions.changeStatus(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/:id/reveal',
    {
      config: { permission: 'member.reveal' },
      schema: {
        tags,
        summary: '查看完整身份证号或手机号（须填原因，记入审计）',
        params: MemberIdParams,
        body: MemberRevealBody,
        response: { 200: MemberRevealResponse, ...standardErrors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return actions.reveal(actorOf(request), request.params.id, request.body);
    },
  );

  app.post(
    '/:id/account',
    {
      config: { permission: 'member.write' },
      schema: {
        tags,
        summary: '为党员开通登录账户（用户名为手机号，首次登录须改密）',
        params: MemberIdParams,
        body: MemberAccountBody,
        response: { 200: MemberResponse, ...standardErrors },
      },
    },
    async (request) => actions.createAccount(actorOf(request), request.params.id, request.body.password),
  );

  app.get(
    '/:id/history',
    {
      config: { permission: 'member.read' },
      schema: {
        tags,
        summary: '该档案的审计记录',
        params: MemberIdParams,
        response: { 200: z.object({ items: z.array(AuditEntryResponse) }), ...standardErrors },
      },
    },
    async (request) => ({ items: await actions.history(actorOf(request), request.params.id) }),
  );
};
