import multipart from '@fastify/multipart';
import { CampaignIdParams, ImportReport, LeadListQuery, QueryBool, standardErrors } from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../db/client';
import { invalidField } from '../../../lib/errors';
import { attachmentHeader, createXlsxStream, XLSX_MIME } from '../../../lib/excel/xlsx-writer';
import { answerWithProgress } from '../../../lib/progress-stream';
import { safeError } from '../../../lib/safe-error';
import { actorOf } from '../../../plugins/auth';
import { visibleCampaign } from './finding.access';
import type { LeadExcel } from './leads.excel';
import { spoolUpload } from './leads.upload';

const tags = ['组织找党员 finding'];
const Download = z.unknown().meta({ description: '.xlsx 文件' });
const ImportFields = z.object({ dryRun: QueryBool('dryRun', false) });
const ExportQuery = LeadListQuery.pick({ state: true, finder: true, district: true });

export const leadsExcelRoutes: FastifyPluginAsyncZod<{ excel: LeadExcel; db: Db }> = async (
  app,
  { excel, db },
) => {
  await app.register(multipart);

  app.get(
    '/campaigns/:id/leads/template',
    {
      config: { permission: 'finding.manage' },
      schema: {
        tags,
        summary: '下载线索导入模板（.xlsx）',
        params: CampaignIdParams,
        response: { 200: Download, ...standardErrors },
      },
    },
    async (request, reply) => {
      await visibleCampaign(db, actorOf(request), request.params.id);
      const { workbook, stream } = createXlsxStream();
      excel.writeTemplate(workbook).catch((err) => stream.destroy(err));
      return reply
        .header('content-type', XLSX_MIME)
        .header(
          'content-disposition',
          attachmentHeader('寻找线索导入模板.xlsx', 'finding-leads-template.xlsx'),
        )
        .send(stream);
    },
  );

  app.post(
    '/campaigns/:id/leads/import',
    {
      config: { permission: 'finding.manage' },
      schema: {
        tags,
        summary:
          '导入线索（multipart：file 为 .xlsx，dryRun=true 只校验）；先整体校验，全部正确才写入；Accept: application/x-ndjson 时返回进度',
        consumes: ['multipart/form-data'],
        params: CampaignIdParams,
        response: { 200: ImportReport, ...standardErrors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await visibleCampaign(db, actor, request.params.id);
      const upload = await spoolUpload(request);
      let job: Awaited<ReturnType<LeadExcel['prepare']>>;
      try {
        const fields = ImportFields.safeParse(upload.fields);
        if (!fields.success) {
          const issue = fields.error.issues[0]!;
          throw invalidField(String(issue.path[0]), issue.message);
        }
        job = await excel.prepare(actor, request.params.id, upload, fields.data.dryRun);
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
    '/campaigns/:id/leads/export',
    {
      config: { permission: 'finding.manage' },
      schema: {
        tags,
        summary: '导出行动的线索（.xlsx，手机号、身份证号脱敏），记入审计',
        params: CampaignIdParams,
        querystring: ExportQuery,
        response: { 200: Download, ...standardErrors },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const job = await excel.prepareExport(actorOf(request), request.params.id, {
        ...(q.state ? { state: q.state } : {}),
        ...(q.finder !== undefined ? { finderId: q.finder } : {}),
        ...(q.district ? { district: q.district } : {}),
      });
      const { workbook, stream } = createXlsxStream();
      job.write(workbook, stream).catch((err: Error) => {
        request.log.warn({ err: safeError(err) }, 'lead export stopped');
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
