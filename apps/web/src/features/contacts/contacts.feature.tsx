import { defineFeature } from '../../app/feature';
import { lazyNamed } from '../../app/lazyNamed';

/** Contact and lost contact (失联核查), home and host co-management (双重管理), conduct feedback (现实表现反馈). */
export const contactsFeature = defineFeature({
  name: 'contacts',
  routes: [
    {
      path: 'finding/lost-contact',
      page: lazyNamed(() => import('./pages/LostContactPage'), 'LostContactPage'),
      permission: 'member.read',
    },
    {
      path: 'finding/co-management',
      page: lazyNamed(() => import('./pages/CoManagementPage'), 'CoManagementPage'),
      permission: 'member.read',
    },
    {
      path: 'finding/feedback',
      page: lazyNamed(() => import('./pages/FeedbackPage'), 'FeedbackPage'),
      permission: 'feedback.read',
    },
  ],
  menu: [
    {
      path: '/finding/lost-contact',
      labelKey: 'nav.lostContact',
      icon: 'AlertOutlined',
      group: 'finding',
      permission: 'member.read',
    },
    {
      path: '/finding/co-management',
      labelKey: 'nav.coManagement',
      icon: 'TeamOutlined',
      group: 'finding',
      permission: 'member.read',
    },
    {
      path: '/finding/feedback',
      labelKey: 'nav.feedback',
      icon: 'AuditOutlined',
      group: 'finding',
      permission: 'feedback.read',
    },
  ],
});
