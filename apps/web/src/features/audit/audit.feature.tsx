import { defineFeature } from '../../app/feature';
import { lazyNamed } from '../../app/lazyNamed';

export const auditFeature = defineFeature({
  name: 'audit',
  routes: [
    {
      path: 'audit',
      page: lazyNamed(() => import('./pages/AuditPage'), 'AuditPage'),
      permission: 'audit.read',
    },
  ],
  menu: [
    {
      path: '/audit',
      labelKey: 'nav.audit',
      icon: 'AuditOutlined',
      group: 'system',
      permission: 'audit.read',
    },
  ],
});
