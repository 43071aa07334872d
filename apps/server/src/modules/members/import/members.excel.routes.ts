import multipart from '@fastify/multipart';
import {
  ImportCheck,
  ImportReport,
  ImportStageParams,
  MemberListQuery,
  QueryBool,
  QueryId,
  standardErrors,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendXlsx, Xlsx } from '../../../lib/downloads';
import { answerWithProgress } from '../../../lib/progress-stream';
import { answerImport } from '../../../lib/spreadsheet-import';
import { actorOf } from '../../../plugins/auth';
import type { MemberExport } from '../export/members.export';
import { MEMBER_SHEET } from '../members.sheet';
import { importFileTooLarge, importNoFile, MAX_IMPORT_BYTES } from './members.excel.errors';
import type { MemberImport } from './members.import';
import { TEMPLATE_ASCII_NAME, TEMPLATE_FILE_NAME, writeTemplate } from './members.template';

const tags = ['党员 members'];

const limits = { maxBytes: MAX_IMPORT_BYTES, tooLarge: importFileTooLarge, noFile: importNoFile };

/** The text fields of the import form. */
const ImportFields = z.object({
  orgId: z.preprocess((v) => (v === '' ? undefined : v), QueryId('党组织').optional()),
  // Validation only, as it always is now: a client that still asks to commit with the upload is
  // told of the second step rather than left believing it imported.
  dryRun: QueryBool('dryRun', true).refine((v) => v, {
    message:
      '上传只做校验；校验通过后请用返回的 stage.id 确认导入（POST /members/import/stages/{id}/commit）',
  }),
});

const ExportQuery = MemberListQuery.safeExtend({ reveal: QueryBool('reveal', false) });

export const memberExcelRoutes: FastifyPluginAsyncZod<{
  importer: MemberImport;
  exporter: MemberExport;
  homeCity: string;
  hostCity: string;
}> = async (app, { importer, exporter, homeCity, hostCity }) => {
  await app.register(multipart);

  app.get(
    '/import/template',
    {
      config: { permission: 'member.import' },
      schema: {
        tags,
        summary: '下载党员信息导入模板（.xlsx）',
        response: { 200: Xlsx, ...standardErrors },
      },
    },
    async (request, reply) => {
      importer.authorize(actorOf(request));
      return sendXlsx(request, reply, {
        fileName: TEMPLATE_FILE_NAME,
        asciiName: TEMPLATE_ASCII_NAME,
        write: (workbook) => writeTemplate(workbook, homeCity, hostCity),
      });
    },
  );

  app.post(
    '/import',
    {
      config: { permission: 'member.import' },
      schema: {
        tags,
        summary:
          '导入党员第一步：上传校验（multipart：file 为 .xlsx，orgId 为无“所在党组织”列时的党组织）；全部通过时返回 stage（暂存的校验结果，限时有效）供确认导入；Accept: application/x-ndjson 时逐行返回进度',
        consumes: ['multipart/form-data'],
        multipart: {
          fields: ImportFields,
          file: '党员信息表（.xlsx，按导入模板的列）',
          columns: MEMBER_SHEET.headers,
        },
        response: { 200: ImportCheck, ...standardErrors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      importer.authorize(actor);
      return answerImport(request, reply, {
        limits,
        fields: ImportFields,
        prepare: (upload, { orgId }) =>
          importer.prepare(actor, { path: upload.path, fileName: upload.fileName, orgId }),
      });
    },
  );

  app.post(
    '/import/stages/:stageId/commit',
    {
      config: { permission: 'member.import' },
      schema: {
        tags,
        summary:
          '导入党员第二步：确认导入校验通过的暂存结果（本人校验、未过期），全部写入或全部不写；Accept: application/x-ndjson 时逐批返回进度',
        params: ImportStageParams,
        response: { 200: ImportReport, ...standardErrors },
      },
    },
    async (request, reply) => {
      const job = await importer.commit(actorOf(request), request.params.stageId);
      return answerWithProgress(request, reply, { phase: 'commit', processed: 0 }, (onProgress) =>
        job.run(onProgress),
      );
    },
  );

  app.get(
    '/export',
    {
      config: { permission: 'member.export' },
      schema: {
        tags,
        summary:
          '导出当前筛选的党员名单（.xlsx）；reveal=true 显示完整身份证号和手机号（须有查看权限），记入审计',
        querystring: ExportQuery,
        response: { 200: Xlsx, ...standardErrors },
      },
    },
    async (request, reply) => {
      const { reveal, ...query } = request.query;
      const job = await exporter.prepare(actorOf(request), query, reveal);
      return sendXlsx(request, reply, job);
    },
  );
};
