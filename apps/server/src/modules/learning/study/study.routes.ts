import {
  IdParams,
  MemberStudyHoursResponse,
  OrgStudyHoursResponse,
  StudyBoardExportQuery,
  StudyBoardQuery,
  StudyBoardResponse,
  StudyHoursQuery,
  StudyOrgQuery,
  StudyRecordCreateBody,
  StudyRecordListResponse,
  StudyRecordQuery,
  StudyRecordResponse,
  standardErrors,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendXlsx, Xlsx } from '../../../lib/downloads';
import { actorOf } from '../../../plugins/auth';
import type { StudyOutput } from './study.output';
import type { StudyRecords } from './study.records';
import type { StudyService } from './study.service';

const tags = ['学时 study'];

/** `/api/v1/study`: hours (mine, a member's, by org), the threshold board and its export, offline records. */
export const studyRoutes: FastifyPluginAsyncZod<{
  study: StudyService;
  records: StudyRecords;
  output: StudyOutput;
}> = async (app, { study, records, output }) => {
  app.get(
    '/hours/mine',
    {
      config: { permission: 'member.self' },
      schema: {
        tags,
        summary: '本人本年度（或指定年度）的学时：按来源汇总、应修学时、差额和明细',
        querystring: StudyHoursQuery,
        response: { 200: MemberStudyHoursResponse, ...standardErrors },
      },
    },
    async (request) => study.mine(actorOf(request), request.query),
  );

  app.get(
    '/hours/members/:id',
    {
      config: { permission: 'study.read' },
      schema: {
        tags,
        summary: '一名党员某年度的学时：按来源汇总、应修学时、差额和明细',
        params: IdParams,
        querystring: StudyHoursQuery,
        response: { 200: MemberStudyHoursResponse, ...standardErrors },
      },
    },
    async (request) => study.memberHours(actorOf(request), request.params.id, request.query),
  );

  app.get(
    '/hours',
    {
      config: { permission: 'study.read' },
      schema: {
        tags,
        summary: '所辖党员某年度的学时，按所在组织汇总（人数、学时、人均、未达标人数、各来源学时）',
        querystring: StudyOrgQuery,
        response: { 200: OrgStudyHoursResponse, ...standardErrors },
      },
    },
    async (request) => study.orgHours(actorOf(request), request.query),
  );

  app.get(
    '/board',
    {
      config: { permission: 'study.read' },
      schema: {
        tags,
        summary: '学时未达标党员：党员低于年度学时要求、书记和委员低于更高要求，含差额，可排序',
        querystring: StudyBoardQuery,
        response: { 200: StudyBoardResponse, ...standardErrors },
      },
    },
    async (request) => study.board(actorOf(request), request.query),
  );

  app.get(
    '/board/export',
    {
      config: { permission: 'study.read' },
      schema: {
        tags,
        summary: '导出学时未达标党员（.xlsx），记入审计',
        querystring: StudyBoardExportQuery,
        response: { 200: Xlsx, ...standardErrors },
      },
    },
    async (request, reply) =>
      sendXlsx(request, reply, await output.prepareExport(actorOf(request), request.query)),
  );

  app.get(
    '/records',
    {
      config: { permission: 'study.read' },
      schema: {
        tags,
        summary: '线下学习记录（所辖党员），新录入的在前',
        querystring: StudyRecordQuery,
        response: { 200: StudyRecordListResponse, ...standardErrors },
      },
    },
    async (request) => records.list(actorOf(request), request.query),
  );

  app.post(
    '/records',
    {
      config: { permission: 'study.write' },
      schema: {
        tags,
        summary: '为党员录入线下学习学时（计入党员学时），记入审计',
        body: StudyRecordCreateBody,
        response: { 201: StudyRecordResponse, ...standardErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await records.create(actorOf(request), request.body)),
  );

  app.delete(
    '/records/:id',
    {
      config: { permission: 'study.write' },
      schema: {
        tags,
        summary: '删除线下学习记录（同时扣除相应学时），记入审计',
        params: IdParams,
        response: { 204: z.null().meta({ description: '已删除' }), ...standardErrors },
      },
    },
    async (request, reply) => {
      await records.remove(actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
