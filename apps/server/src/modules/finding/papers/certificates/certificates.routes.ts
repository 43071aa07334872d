import {
  CertificateCreateBody,
  CertificateExportQuery,
  CertificateIdParams,
  CertificateListQuery,
  CertificateListResponse,
  CertificateRenewBody,
  CertificateResponse,
  CertificateRevokeBody,
  standardErrors,
} from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Pdf, sendPdf, sendXlsx, Xlsx } from '../../../../lib/downloads';
import { actorOf } from '../../../../plugins/auth';
import type { CertificateOutput } from './certificates.output';
import type { CertificatesService } from './certificates.service';

const tags = ['流动党员活动证 certificates'];

export const certificatesRoutes: FastifyPluginAsyncZod<{
  certificates: CertificatesService;
  output: CertificateOutput;
}> = async (app, { certificates, output }) => {
  app.get(
    '/',
    {
      config: { permission: 'member.read' },
      schema: {
        tags,
        summary: '活动证台账（所辖范围内；按状态、签发组织、党员、证号或姓名筛选）',
        querystring: CertificateListQuery,
        response: { 200: CertificateListResponse, ...standardErrors },
      },
    },
    async (request) => certificates.list(actorOf(request), request.query),
  );

  app.post(
    '/',
    {
      config: { permission: 'certificate.write' },
      schema: {
        tags,
        summary: '签发流动党员活动证（编号按年顺延）',
        body: CertificateCreateBody,
        response: { 201: CertificateResponse, ...standardErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await certificates.create(actorOf(request), request.body)),
  );

  app.get(
    '/export',
    {
      config: { permission: 'member.export' },
      schema: {
        tags,
        summary: '导出活动证台账（.xlsx，身份证号脱敏），记入审计',
        querystring: CertificateExportQuery,
        response: { 200: Xlsx, ...standardErrors },
      },
    },
    async (request, reply) =>
      sendXlsx(request, reply, await output.prepareExport(actorOf(request), request.query)),
  );

  app.get(
    '/:id',
    {
      config: { permission: 'member.read' },
      schema: {
        tags,
        summary: '活动证详情',
        params: CertificateIdParams,
        response: { 200: CertificateResponse, ...standardErrors },
      },
    },
    async (request) => certificates.get(actorOf(request), request.params.id),
  );

  app.get(
    '/:id.pdf',
    {
      config: { permission: 'certificate.write' },
      schema: {
        tags,
        summary: '打印流动党员活动证（PDF，身份证号脱敏），记入审计',
        params: CertificateIdParams,
        response: { 200: Pdf, ...standardErrors },
      },
    },
    async (request, reply) => sendPdf(reply, await output.print(actorOf(request), request.params.id)),
  );

  app.post(
    '/:id/renew',
    {
      config: { permission: 'certificate.write' },
      schema: {
        tags,
        summary: '换发活动证（新证接替旧证，旧证标为已换发）',
        params: CertificateIdParams,
        body: CertificateRenewBody,
        response: { 201: CertificateResponse, ...standardErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await certificates.renew(actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/:id/revoke',
    {
      config: { permission: 'certificate.write' },
      schema: {
        tags,
        summary: '收回活动证（须填写原因）',
        params: CertificateIdParams,
        body: CertificateRevokeBody,
        response: { 200: CertificateResponse, ...standardErrors },
      },
    },
    async (request) => certificates.revoke(actorOf(request), request.params.id, request.body),
  );
};
