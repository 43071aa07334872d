import { defineFeature } from '../../app/feature';
import { lazyNamed } from '../../app/lazyNamed';

export const meFeature = defineFeature({
  name: 'me',
  routes: [
    {
      path: 'me',
      page: lazyNamed(() => import('./pages/MyRecordPage'), 'MyRecordPage'),
      permission: 'member.self',
      plain: true,
    },
  ],
  menu: [
    {
      path: '/me',
      labelKey: 'nav.me',
      icon: 'IdcardOutlined',
      group: 'members',
      permission: 'member.self',
    },
  ],
  portal: [
    {
      key: 'record',
      order: 90,
      tile: lazyNamed(() => import('./portal/MyRecordTile'), 'MyRecordTile'),
      permission: 'member.self',
    },
  ],
});
