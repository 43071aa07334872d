import { defineFeature } from '../../app/feature';
import { lazyNamed } from '../../app/lazyNamed';

/** 学时: the threshold board, hours by org and offline study at the desk; a member's own hours on the phone. */
export const studyFeature = defineFeature({
  name: 'study',
  routes: [
    {
      path: 'study',
      page: lazyNamed(() => import('./pages/StudyPage'), 'StudyPage'),
      permission: 'study.read',
    },
    {
      path: 'my-study',
      page: lazyNamed(() => import('./pages/MyStudyPage'), 'MyStudyPage'),
      permission: 'member.self',
      plain: true,
    },
  ],
  menu: [
    {
      path: '/study',
      labelKey: 'nav.study',
      icon: 'FieldTimeOutlined',
      group: 'learning',
      permission: 'study.read',
    },
    {
      path: '/my-study',
      labelKey: 'nav.myStudy',
      icon: 'BookOutlined',
      group: 'learning',
      permission: 'member.self',
    },
  ],
  portal: [
    {
      key: 'study',
      order: 10,
      tile: lazyNamed(() => import('./portal/StudyPortalCard'), 'StudyPortalCard'),
      permission: 'member.self',
    },
  ],
});
