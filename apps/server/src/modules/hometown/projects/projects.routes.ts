/** Investment projects (hometown.read to read, hometown.write to record and change). */
import {
  ProjectCreateBody,
  ProjectDetailResponse,
  ProjectExportQuery,
  ProjectIdParams,
  ProjectListQuery,
  ProjectListResponse,
  ProjectStageBody,
  ProjectUpdateBody,
  ProjectYearsBody,
  standardErrors,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendXlsx, Xlsx } from '../../../lib/downloads';
import { actorOf } from '../../../plugins/auth';
import type { HometownExport } from '../hometown.export';
import type { ProjectsService } from './projects.service';

const tags = ['服务家乡 hometown'];

export const projectsRoutes: FastifyPluginAsyncZod<{
  projects: ProjectsService;
  exports: HometownExport;
}> = async (app, { projects, exports }) => {
  app.get(
    '/export',
    {
      config: { permission: 'hometown.read' },
      schema: {
        tags,
        summary: '导出引进项目（.xlsx，按列表的筛选条件），记入审计',
        querystring: ProjectExportQuery,
        response: { 200: Xlsx, ...standardErrors },
      },
    },
    async (request, reply) =>
      sendXlsx(request, reply, await exports.projects(actorOf(request), request.query)),
  );

  app.get(
    '/',
    {
      config: { permission: 'hometown.read' },
      schema: {
        tags,
        summary: '引进项目列表（按县区、阶段、签约年份筛选；附合计）',
        querystring: ProjectListQuery,
        response: { 200: ProjectListResponse, ...standardErrors },
      },
    },
    async (request) => projects.list(actorOf(request), request.query),
  );

  app.post(
    '/',
    {
      config: { permission: 'hometown.write' },
      schema: {
        tags,
        summary: '登记引进项目（金额以万元填写）',
        body: ProjectCreateBody,
        response: { 201: ProjectDetailResponse, ...standardErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await projects.create(actorOf(request), request.body)),
  );

  app.get(
    '/:id',
    {
      config: { permission: 'hometown.read' },
      schema: {
        tags,
        summary: '引进项目详情（阶段记录、年度数据、招商员）',
        params: ProjectIdParams,
        response: { 200: ProjectDetailResponse, ...standardErrors },
      },
    },
    async (request) => projects.get(actorOf(request), request.params.id),
  );

  app.patch(
    '/:id',
    {
      config: { permission: 'hometown.write' },
      schema: {
        tags,
        summary: '修改引进项目（含招商员）',
        params: ProjectIdParams,
        body: ProjectUpdateBody,
        response: { 200: ProjectDetailResponse, ...standardErrors },
      },
    },
    async (request) => projects.update(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/:id/stage',
    {
      config: { permission: 'hometown.write' },
      schema: {
        tags,
        summary: '项目阶段变更（洽谈、签约、开工、投产），记入阶段记录',
        params: ProjectIdParams,
        body: ProjectStageBody,
        response: { 200: ProjectDetailResponse, ...standardErrors },
      },
    },
    async (request) => projects.changeStage(actorOf(request), request.params.id, request.body),
  );

  app.put(
    '/:id/years',
    {
      config: { permission: 'hometown.write' },
      schema: {
        tags,
        summary: '项目年度数据（产值、税收以万元填写，就业岗位）',
        params: ProjectIdParams,
        body: ProjectYearsBody,
        response: { 200: ProjectDetailResponse, ...standardErrors },
      },
    },
    async (request) => projects.setYears(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/:id',
    {
      config: { permission: 'hometown.write' },
      schema: {
        tags,
        summary: '删除引进项目（招商员的履历记录一并撤销）',
        params: ProjectIdParams,
        response: { 204: z.null(), ...standardErrors },
      },
    },
    async (request, reply) => {
      await projects.remove(actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
