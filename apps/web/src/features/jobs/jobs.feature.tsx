import { FieldTimeOutlined } from '@ant-design/icons';
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
      icon: <FieldTimeOutlined aria-hidden />,
      group: 'system',
      permission: 'job.read',
    },
  ],
});
