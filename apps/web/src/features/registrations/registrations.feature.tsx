import { defineFeature } from '../../app/feature';
import { lazyNamed } from '../../app/lazyNamed';

const RegistrationsPage = lazyNamed(() => import('./pages/RegistrationsPage'), 'RegistrationsPage');

/** 党员找组织: the public self-registration pages and the committees' review queue (登记审核). */
export const registrationsFeature = defineFeature({
  name: 'registrations',
  routes: [
    { path: 'registrations', page: RegistrationsPage, permission: 'registration.review' },
    { path: 'registrations/:id', page: RegistrationsPage, permission: 'registration.review' },
  ],
  publicRoutes: [
    { path: '/join', page: lazyNamed(() => import('./pages/JoinPage'), 'JoinPage') },
    { path: '/join/status', page: lazyNamed(() => import('./pages/JoinStatusPage'), 'JoinStatusPage') },
  ],
  menu: [
    {
      path: '/registrations',
      labelKey: 'nav.registrations',
      icon: 'UserAddOutlined',
      group: 'finding',
      permission: 'registration.review',
    },
  ],
});
