import {
  OrgCloseBody,
  OrgCreateBody,
  OrgIdParams,
  OrgMoveBody,
  OrgResponse,
  OrgTreeQuery,
  OrgTreeResponse,
  OrgUpdateBody,
  standardErrors,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/auth';
import type { OrgsService } from './orgs.service';

const tags = ['组织 orgs'];

export const orgsRoutes: FastifyPluginAsyncZod<{ orgs: OrgsService }> = async (app, { orgs }) => {
  app.get(
    '/tree',
    {
      config: { permission: 'org.read' },
      schema: {
        tags,
        summary: '可见的组织树',
        querystring: OrgTreeQuery,
        response: { 200: OrgTreeResponse, ...standardErrors },
      },
    },
    async (request) => orgs.tree(actorOf(request), request.query.includeClosed),
  );

  app.get(
    '/:id',
    {
      config: { permission: 'org.read' },
      schema: {
        tags,
        summary: '组织详情',
        params: OrgIdParams,
        response: { 200: OrgResponse, ...standardErrors },
      },
    },
    async (request) => orgs.get(actorOf(request), request.params.id),
  );

  app.post(
    '/',
    {
      config: { permission: 'org.write' },
      schema: {
        tags,
        summary: '新建下级组织',
        body: OrgCreateBody,
        response: { 201: OrgResponse, ...standardErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await orgs.create(actorOf(request), request.body)),
  );

  app.patch(
    '/:id',
    {
      config: { permission: 'org.write' },
      schema: {
        tags,
        summary: '修改组织',
        params: OrgIdParams,
        body: OrgUpdateBody,
        response: { 200: OrgResponse, ...standardErrors },
      },
    },
    async (request) => orgs.update(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/:id/move',
    {
      config: { permission: 'org.write' },
      schema: {
        tags,
        summary: '调整隶属关系',
        params: OrgIdParams,
        body: OrgMoveBody,
        response: { 200: OrgResponse, ...standardErrors },
      },
    },
    async (request) => orgs.move(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/:id/close',
    {
      config: { permission: 'org.write' },
      schema: {
        tags,
        summary: '撤销组织',
        params: OrgIdParams,
        body: OrgCloseBody,
        response: { 200: OrgResponse, ...standardErrors },
      },
    },
    async (request) => orgs.close(actorOf(request), request.params.id, request.body),
  );
};
