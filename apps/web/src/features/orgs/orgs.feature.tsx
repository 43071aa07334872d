import { defineFeature } from '../../app/feature';
import { lazyNamed } from '../../app/lazyNamed';

export const orgsFeature = defineFeature({
  name: 'orgs',
  routes: [
    { path: 'orgs', page: lazyNamed(() => import('./pages/OrgsPage'), 'OrgsPage'), permission: 'org.read' },
  ],
  menu: [
    {
      path: '/orgs',
      labelKey: 'nav.orgs',
      icon: 'ApartmentOutlined',
      group: 'orgs',
      permission: 'org.read',
    },
  ],
});
