import { useEffect } from 'react';
import { defineFeature } from '../../app/feature';
import { lazyNamed } from '../../app/lazyNamed';

function OpenScreen() {
  useEffect(() => window.location.replace(`/screen${window.location.hash}`), []);
  return null;
}

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
    // The screen is a page of its own (screen.html, which the server sends at /screen): the menu
    // loads it as a whole; reached inside the app otherwise (after signing in), it is loaded so.
    { path: '/screen', page: OpenScreen },
  ],
  menu: [
    {
      path: '/screen',
      labelKey: 'nav.screen',
      icon: 'DesktopOutlined',
      group: 'stats',
      permission: 'stats.read',
      ownPage: true,
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
