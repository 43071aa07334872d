import { defineFeature } from '../../app/feature';
import { lazyNamed } from '../../app/lazyNamed';

export const jobsFeature = defineFeature({
  name: 'jobs',
  routes: [
    {
      path: 'jobs',
      page: lazyNamed(() => import('./pages/JobsPage'), 'JobsPage'),
      permission: 'job.read',
    },
  ],
  menu: [
    {
      path: '/jobs',
      labelKey: 'nav.jobs',
      icon: 'FieldTimeOutlined',
      group: 'system',
      permission: 'job.read',
    },
  ],
});
