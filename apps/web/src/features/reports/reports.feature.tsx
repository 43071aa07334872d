import { defineFeature } from '../../app/feature';
import { lazyNamed } from '../../app/lazyNamed';

/** Reports (统计报表): the annual statistical report and the committee-wide feedback workbook. */
export const reportsFeature = defineFeature({
  name: 'reports',
  routes: [
    {
      path: 'stats/reports',
      page: lazyNamed(() => import('./pages/ReportsPage'), 'ReportsPage'),
      permission: 'stats.read',
    },
  ],
  menu: [
    {
      path: '/stats/reports',
      labelKey: 'nav.reports',
      icon: 'FileExcelOutlined',
      group: 'stats',
      permission: 'stats.read',
    },
  ],
});
