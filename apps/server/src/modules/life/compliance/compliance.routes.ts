import {
  AbsenteesQuery,
  AbsenteesResponse,
  AttendanceRateListResponse,
  AttendanceRateQuery,
  BehindListResponse,
  ComplianceBoardResponse,
  ComplianceQuery,
  standardErrors,
} from '@ningxin/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachmentHeader, createXlsxStream, XLSX_MIME } from '../../../lib/excel/xlsx-writer';
import { safeError } from '../../../lib/safe-error';
import { actorOf } from '../../../plugins/auth';
import type { ComplianceOutput } from './compliance.output';
import type { ComplianceService } from './compliance.service';

const tags = ['组织生活落实情况 compliance'];
const Xlsx = z.unknown().meta({ description: '.xlsx 文件' });

async function sendXlsx(
  request: FastifyRequest,
  reply: FastifyReply,
  job: Awaited<ReturnType<ComplianceOutput['prepareExport']>>,
) {
  const { workbook, stream } = createXlsxStream();
  job.write(workbook, stream).catch((err: Error) => {
    request.log.warn({ err: safeError(err) }, 'export stopped');
    stream.destroy(err);
  });
  return reply
    .header('content-type', XLSX_MIME)
    .header('content-disposition', attachmentHeader(job.fileName, job.asciiName))
    .header('cache-control', 'no-store')
    .send(stream);
}

/** `/api/v1/meetings/compliance`: the board (三会一课 落实情况), behind list, attendance, absentees, export. */
export const complianceRoutes: FastifyPluginAsyncZod<{
  compliance: ComplianceService;
  output: ComplianceOutput;
}> = async (app, { compliance, output }) => {
  app.get(
    '/',
    {
      config: { permission: 'meeting.read' },
      schema: {
        tags,
        summary:
          '组织生活落实情况：各支部每种必开会议的召开次数、月度明细、完成率、是否落后，按二级党委和全委汇总',
        querystring: ComplianceQuery,
        response: { 200: ComplianceBoardResponse, ...standardErrors },
      },
    },
    async (request) => compliance.board(actorOf(request), request.query),
  );

  app.get(
    '/behind',
    {
      config: { permission: 'meeting.read' },
      schema: {
        tags,
        summary: '组织生活落后的支部（所辖范围内）',
        querystring: ComplianceQuery,
        response: { 200: BehindListResponse, ...standardErrors },
      },
    },
    async (request) => compliance.behind(actorOf(request), request.query),
  );

  app.get(
    '/attendance',
    {
      config: { permission: 'meeting.read' },
      schema: {
        tags,
        summary: '党员参会率：期间内已召开会议的应到、实到、请假、缺席',
        querystring: AttendanceRateQuery,
        response: { 200: AttendanceRateListResponse, ...standardErrors },
      },
    },
    async (request) => compliance.attendance(actorOf(request), request.query),
  );

  app.get(
    '/absentees',
    {
      config: { permission: 'meeting.read' },
      schema: {
        tags,
        summary: '连续缺席 n 次（默认 3）的党员：最近已召开的应到会议连续缺席（请假不计）',
        querystring: AbsenteesQuery,
        response: { 200: AbsenteesResponse, ...standardErrors },
      },
    },
    async (request) => compliance.absentees(actorOf(request), request.query),
  );

  app.get(
    '/export',
    {
      config: { permission: 'meeting.read' },
      schema: {
        tags,
        summary: '导出组织生活落实情况（.xlsx），记入审计',
        querystring: ComplianceQuery,
        response: { 200: Xlsx, ...standardErrors },
      },
    },
    async (request, reply) =>
      sendXlsx(request, reply, await output.prepareExport(actorOf(request), request.query)),
  );
};
