import {
  ContactCreateBody,
  ContactItem,
  ContactListQuery,
  ContactListResponse,
  ContactsOverviewResponse,
  FlagIdParams,
  FlagItem,
  FlagListQuery,
  FlagListResponse,
  FlagResolveBody,
  MemberIdParams,
  standardErrors,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../../plugins/auth';
import type { ContactsService } from './contacts.service';
import type { FlagsService } from './flags.service';

const tags = ['联系与失联 contacts'];

/** `/members/:id/contacts`: a member's contact log. */
export const memberContactsRoutes: FastifyPluginAsyncZod<{ contacts: ContactsService }> = async (
  app,
  { contacts },
) => {
  app.get(
    '/:id/contacts',
    {
      config: { permission: 'member.read' },
      schema: {
        tags,
        summary: '党员的联系记录（最近的在前）',
        params: MemberIdParams,
        querystring: ContactListQuery,
        response: { 200: ContactListResponse, ...standardErrors },
      },
    },
    async (request) => contacts.list(actorOf(request), request.params.id, request.query),
  );

  app.post(
    '/:id/contacts',
    {
      config: { permission: 'contact.write' },
      schema: {
        tags,
        summary: '添加联系记录或备注（联系上的更新最近联系日期），记入审计',
        params: MemberIdParams,
        body: ContactCreateBody,
        response: { 201: ContactItem, ...standardErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await contacts.create(actorOf(request), request.params.id, request.body)),
  );
};

/** `/contacts`: the lost-contact review flags and the figures of the home and host sides. */
export const contactsRoutes: FastifyPluginAsyncZod<{ flags: FlagsService }> = async (app, { flags }) => {
  app.get(
    '/flags',
    {
      config: { permission: 'member.read' },
      schema: {
        tags,
        summary: '失联核查提示（待核实、停止党籍审查、除名审查），管理范围内',
        querystring: FlagListQuery,
        response: { 200: FlagListResponse, ...standardErrors },
      },
    },
    async (request) => flags.list(actorOf(request), request.query),
  );

  app.post(
    '/flags/:id/resolve',
    {
      config: { permission: 'member.write' },
      schema: {
        tags,
        summary: '处理失联核查提示（填写处理意见；不改变党员状态），记入审计',
        params: FlagIdParams,
        body: FlagResolveBody,
        response: { 200: FlagItem, ...standardErrors },
      },
    },
    async (request) => flags.resolve(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/overview',
    {
      config: { permission: 'member.read' },
      schema: {
        tags,
        summary: '双重管理概况：按状态、流入地、流出地统计，近期联系人数',
        response: { 200: ContactsOverviewResponse, ...standardErrors },
      },
    },
    async (request) => flags.overview(actorOf(request)),
  );
};
