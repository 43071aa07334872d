import { defineFeature } from '../../app/feature';
import { lazyNamed } from '../../app/lazyNamed';

/** The statistics (数据统计): member figures and one panel per domain, in the user's scope. */
export const statsFeature = defineFeature({
  name: 'stats',
  routes: [
    {
      path: 'stats',
      page: lazyNamed(() => import('./pages/StatsPage'), 'StatsPage'),
      permission: 'stats.read',
    },
  ],
  menu: [
    {
      path: '/stats',
      labelKey: 'nav.stats',
      icon: 'BarChartOutlined',
      group: 'stats',
      permission: 'stats.read',
    },
  ],
});
