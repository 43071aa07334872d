import multipart from '@fastify/multipart';
import { CampaignIdParams, ImportReport, LeadListQuery, QueryBool, standardErrors } from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../db/client';
import { sendXlsx, Xlsx } from '../../../lib/downloads';
import { answerImport } from '../../../lib/spreadsheet-import';
import { actorOf } from '../../../plugins/auth';
import { visibleCampaign } from './finding.access';
import type { LeadExcel } from './leads.excel';
import { importFileTooLarge, importNoFile, MAX_LEAD_IMPORT_BYTES } from './leads.excel.errors';
import { LEAD_SHEET } from './leads.sheet';

const tags = ['组织找党员 finding'];
const limits = { maxBytes: MAX_LEAD_IMPORT_BYTES, tooLarge: importFileTooLarge, noFile: importNoFile };
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
        response: { 200: Xlsx, ...standardErrors },
      },
    },
    async (request, reply) => {
      await visibleCampaign(db, actorOf(request), request.params.id);
      return sendXlsx(request, reply, {
        fileName: '寻找线索导入模板.xlsx',
        asciiName: 'finding-leads-template.xlsx',
        write: (workbook) => excel.writeTemplate(workbook),
      });
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
        multipart: {
          fields: ImportFields,
          file: '线索名单（.xlsx，按导入模板的列）',
          columns: LEAD_SHEET.headers,
        },
        params: CampaignIdParams,
        response: { 200: ImportReport, ...standardErrors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await visibleCampaign(db, actor, request.params.id);
      return answerImport(request, reply, {
        limits,
        fields: ImportFields,
        prepare: (upload, { dryRun }) => excel.prepare(actor, request.params.id, upload, dryRun),
      });
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
        response: { 200: Xlsx, ...standardErrors },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const job = await excel.prepareExport(actorOf(request), request.params.id, {
        ...(q.state ? { state: q.state } : {}),
        ...(q.finder !== undefined ? { finderId: q.finder } : {}),
        ...(q.district ? { district: q.district } : {}),
      });
      return sendXlsx(request, reply, job);
    },
  );
};
