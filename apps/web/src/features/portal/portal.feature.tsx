import { defineFeature } from '../../app/feature';
import { lazyNamed } from '../../app/lazyNamed';

/** 我的主页: a member's phone home, made of the cards the features contribute (feature.portal). */
export const portalFeature = defineFeature({
  name: 'portal',
  routes: [
    {
      path: 'portal',
      page: lazyNamed(() => import('./pages/PortalPage'), 'PortalPage'),
      permission: 'member.self',
      plain: true,
    },
  ],
  menu: [
    {
      path: '/portal',
      labelKey: 'nav.portal',
      icon: 'HomeOutlined',
      group: 'workbench',
      permission: 'member.self',
    },
  ],
});
