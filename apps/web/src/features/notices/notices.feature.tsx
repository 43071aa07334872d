import { defineFeature } from '../../app/feature';
import { lazyNamed } from '../../app/lazyNamed';

/** 通知公告 (notices with read receipts) and each user's 收件箱. */
export const noticesFeature = defineFeature({
  name: 'notices',
  routes: [
    {
      path: 'notices',
      page: lazyNamed(() => import('./pages/NoticesPage'), 'NoticesPage'),
      permission: 'notice.send',
    },
    {
      path: 'notices/new',
      page: lazyNamed(() => import('./pages/NoticeComposePage'), 'NoticeComposePage'),
      permission: 'notice.send',
    },
    // Its sender and its recipients (members too) open a notice here.
    { path: 'notices/:id', page: lazyNamed(() => import('./pages/NoticePage'), 'NoticePage') },
    { path: 'inbox', page: lazyNamed(() => import('./pages/InboxPage'), 'InboxPage') },
  ],
  menu: [
    {
      path: '/notices',
      labelKey: 'nav.notices',
      icon: 'NotificationOutlined',
      group: 'workbench',
      permission: 'notice.send',
    },
    { path: '/inbox', labelKey: 'nav.inbox', icon: 'InboxOutlined', group: 'workbench' },
  ],
  portal: [
    {
      key: 'inbox',
      order: 40,
      tile: lazyNamed(() => import('./portal/InboxTile'), 'InboxTile'),
      permission: 'member.self',
    },
  ],
});
