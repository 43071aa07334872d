import { defineFeature } from '../../app/feature';
import { lazyNamed } from '../../app/lazyNamed';

/** 组织生活落实情况: the compliance board of 三会一课 and the other required meetings. */
export const complianceFeature = defineFeature({
  name: 'compliance',
  routes: [
    {
      path: 'compliance',
      page: lazyNamed(() => import('./pages/CompliancePage'), 'CompliancePage'),
      permission: 'meeting.read',
    },
  ],
  menu: [
    {
      path: '/compliance',
      labelKey: 'nav.compliance',
      icon: 'CarryOutOutlined',
      group: 'life',
      permission: 'meeting.read',
    },
  ],
});
