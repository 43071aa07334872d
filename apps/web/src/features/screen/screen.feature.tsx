import { defineFeature } from '../../app/feature';
import { lazyNamed } from '../../app/lazyNamed';

/** 数据大屏: the screen itself (outside the signed-in frame, its own chunk) and its kiosk links. */
export const screenFeature = defineFeature({
  name: 'screen',
  routes: [
    {
      path: 'screen-links',
      page: lazyNamed(() => import('./pages/ScreenLinksPage'), 'ScreenLinksPage'),
      permission: 'screen.manage',
    },
  ],
  publicRoutes: [
    {
      path: '/screen',
      // The answer and the outlines are asked for alongside the page's chunk, not after it.
      page: lazyNamed(() => {
        void import('./screen.early').then((early) => early.loadScreenEarly());
        return import('./pages/ScreenPage');
      }, 'ScreenPage'),
    },
  ],
  menu: [
    {
      path: '/screen',
      labelKey: 'nav.screen',
      icon: 'DesktopOutlined',
      group: 'stats',
      permission: 'stats.read',
    },
    {
      path: '/screen-links',
      labelKey: 'nav.screenLinks',
      icon: 'LinkOutlined',
      group: 'stats',
      permission: 'screen.manage',
    },
  ],
});
