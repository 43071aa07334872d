import { defineFeature } from '../../app/feature';
import { lazyNamed } from '../../app/lazyNamed';

export const accountFeature = defineFeature({
  name: 'account',
  routes: [{ path: 'account', page: lazyNamed(() => import('./pages/AccountPage'), 'AccountPage') }],
  menu: [{ path: '/account', labelKey: 'nav.account', icon: 'UserOutlined', group: 'system' }],
});
