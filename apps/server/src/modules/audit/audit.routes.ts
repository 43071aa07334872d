import { AuditListResponse, AuditQuery, AuditVerifyResponse, standardErrors } from '@ningxin/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../plugins/auth';
import type { AuditService } from './audit.service';

const tags = ['审计 audit'];

export const auditRoutes: FastifyPluginAsyncZod<{ audit: AuditService }> = async (app, { audit }) => {
  app.get(
    '/',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags,
        summary: '审计日志（倒序，游标分页）',
        querystring: AuditQuery,
        response: { 200: AuditListResponse, ...standardErrors },
      },
    },
    async (request) => audit.list(actorOf(request), request.query),
  );

  app.get(
    '/verify',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags,
        summary: '校验审计日志哈希链',
        response: { 200: AuditVerifyResponse, ...standardErrors },
      },
    },
    async (request) => audit.verify(actorOf(request)),
  );
};
