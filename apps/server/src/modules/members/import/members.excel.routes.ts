import multipart from '@fastify/multipart';
import { ImportReport, MemberListQuery, QueryBool, QueryId, standardErrors } from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { invalidField } from '../../../lib/errors';
import { attachmentHeader, createXlsxStream, XLSX_MIME } from '../../../lib/excel/xlsx-writer';
import { answerWithProgress } from '../../../lib/progress-stream';
import { safeError } from '../../../lib/safe-error';
import { actorOf } from '../../../plugins/auth';
import type { MemberExport } from '../export/members.export';
import type { MemberImport } from './members.import';
import { TEMPLATE_ASCII_NAME, TEMPLATE_FILE_NAME, writeTemplate } from './members.template';
import { receiveUpload } from './members.upload';

const tags = ['党员 members'];

/** A download: a stream sent as it is, never serialized. */
const Download = z.unknown().meta({ description: '.xlsx 文件' });

/** The text fields of the import form. */
const ImportFields = z.object({
  orgId: z.preprocess((v) => (v === '' ? undefined : v), QueryId('党组织').optional()),
  dryRun: QueryBool('dryRun', true),
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
        response: { 200: Download, ...standardErrors },
      },
    },
    async (request, reply) => {
      importer.authorize(actorOf(request));
      const { workbook, stream } = createXlsxStream();
      writeTemplate(workbook, homeCity, hostCity).catch((err) => stream.destroy(err));
      return reply
        .header('content-type', XLSX_MIME)
        .header('content-disposition', attachmentHeader(TEMPLATE_FILE_NAME, TEMPLATE_ASCII_NAME))
        .send(stream);
    },
  );

  app.post(
    '/import',
    {
      config: { permission: 'member.import' },
      schema: {
        tags,
        summary:
          '导入党员（multipart：file 为 .xlsx，orgId 为无“所在党组织”列时的党组织，dryRun=true 只校验）；Accept: application/x-ndjson 时逐行返回进度',
        consumes: ['multipart/form-data'],
        response: { 200: ImportReport, ...standardErrors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      importer.authorize(actor);
      const upload = await receiveUpload(request);
      let job: Awaited<ReturnType<MemberImport['prepare']>>;
      try {
        const fields = ImportFields.safeParse(upload.fields);
        if (!fields.success) {
          const issue = fields.error.issues[0]!;
          throw invalidField(String(issue.path[0]), issue.message);
        }
        const { orgId, dryRun } = fields.data;
        job = await importer.prepare(actor, { path: upload.path, fileName: upload.fileName, orgId, dryRun });
      } catch (err) {
        await upload.cleanup();
        throw err;
      }
      return answerWithProgress(
        request,
        reply,
        { phase: 'validate', processed: 0 },
        (onProgress) => job.run(onProgress),
        upload.cleanup,
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
        response: { 200: Download, ...standardErrors },
      },
    },
    async (request, reply) => {
      const { reveal, ...query } = request.query;
      const job = await exporter.prepare(actorOf(request), query, reveal);
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
    },
  );
};
