import { defineModule, mount } from '../../lib/modules';
import { auditRoutes } from './audit.routes';
import { type AuditService, createAuditService } from './audit.service';

declare module '../../lib/modules' {
  interface ServiceRegistry {
    audit: AuditService;
  }
}

/** The hash-chained audit log (审计日志): every module appends to it through appendAudit. */
export const auditModule = defineModule({
  name: 'audit',
  needs: ['users'],
  build: ({ db }, { users }) => createAuditService(db, users.displayNames),
  routes: (audit) => [mount('/audit', auditRoutes, { audit })],
});
