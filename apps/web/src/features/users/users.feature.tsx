import { defineFeature } from '../../app/feature';
import { lazyNamed } from '../../app/lazyNamed';

export const usersFeature = defineFeature({
  name: 'users',
  routes: [
    {
      path: 'users',
      page: lazyNamed(() => import('./pages/UsersPage'), 'UsersPage'),
      permission: 'user.read',
    },
  ],
  menu: [
    {
      path: '/users',
      labelKey: 'nav.users',
      icon: 'TeamOutlined',
      group: 'system',
      permission: 'user.read',
    },
  ],
});
