/** The yearly points: points.read to read, points.manage (committee-wide) to run; a member's own. */
import {
  PointsExportQuery,
  PointsMineQuery,
  PointsMineResponse,
  PointsOrgRankingQuery,
  PointsOrgRankingResponse,
  PointsRankingQuery,
  PointsRankingResponse,
  PointsRulesResponse,
  PointsRunBody,
  PointsRunIdParams,
  PointsRunListQuery,
  PointsRunListResponse,
  PointsRunResponse,
  PointsVerifyResponse,
  standardErrors,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendXlsx, Xlsx } from '../../lib/downloads';
import { actorOf } from '../../plugins/auth';
import type { PointsExport } from './points.export';
import type { PointsService } from './points.service';

const tags = ['积分 points'];

export const pointsRoutes: FastifyPluginAsyncZod<{ points: PointsService; exports: PointsExport }> = async (
  app,
  { points, exports },
) => {
  app.get(
    '/rules',
    {
      config: { permission: 'points.read' },
      schema: {
        tags,
        summary: '现行积分规则及其版本（在系统设置中修改）',
        response: { 200: PointsRulesResponse, ...standardErrors },
      },
    },
    async (request) => points.rules(actorOf(request)),
  );

  app.post(
    '/runs',
    {
      config: { permission: 'points.manage' },
      schema: {
        tags,
        summary: '积分核算：按现行规则（或以前用过的规则版本）计算一个年度全体党员的积分',
        body: PointsRunBody,
        response: { 201: PointsRunResponse, ...standardErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await points.run(actorOf(request), request.body)),
  );

  app.get(
    '/runs',
    {
      config: { permission: 'points.read' },
      schema: {
        tags,
        summary: '积分核算记录（最新在前）',
        querystring: PointsRunListQuery,
        response: { 200: PointsRunListResponse, ...standardErrors },
      },
    },
    async (request) => points.runs(actorOf(request), request.query),
  );

  app.get(
    '/runs/:id/verify',
    {
      config: { permission: 'points.manage' },
      schema: {
        tags,
        summary: '复核：按该次核算所用的规则版本重新计算，逐人比对',
        params: PointsRunIdParams,
        response: { 200: PointsVerifyResponse, ...standardErrors },
      },
    },
    async (request) => points.verify(actorOf(request), request.params.id),
  );

  app.get(
    '/ranking',
    {
      config: { permission: 'points.read' },
      schema: {
        tags,
        summary: '积分排名（该年度最新一次核算；可按组织筛选）',
        querystring: PointsRankingQuery,
        response: { 200: PointsRankingResponse, ...standardErrors },
      },
    },
    async (request) => points.ranking(actorOf(request), request.query),
  );

  app.get(
    '/ranking/orgs',
    {
      config: { permission: 'points.read' },
      schema: {
        tags,
        summary: '各二级党委的平均积分',
        querystring: PointsOrgRankingQuery,
        response: { 200: PointsOrgRankingResponse, ...standardErrors },
      },
    },
    async (request) => points.orgRanking(actorOf(request), request.query),
  );

  app.get(
    '/ranking/export',
    {
      config: { permission: 'points.read' },
      schema: {
        tags,
        summary: '导出积分排名（.xlsx），记入审计',
        querystring: PointsExportQuery,
        response: { 200: Xlsx, ...standardErrors },
      },
    },
    async (request, reply) =>
      sendXlsx(request, reply, await exports.ranking(actorOf(request), request.query)),
  );

  app.get(
    '/mine',
    {
      config: { permission: 'member.self' },
      schema: {
        tags,
        summary: '我的年度积分与履历（按现行规则逐项计算）',
        querystring: PointsMineQuery,
        response: { 200: PointsMineResponse, ...standardErrors },
      },
    },
    async (request) => points.mine(actorOf(request), request.query),
  );
};
