import { defineFeature } from '../../app/feature';
import { lazyNamed } from '../../app/lazyNamed';

/** The yearly points (积分): the ranking, rules and runs at the desk; a member's own year on the phone. */
export const pointsFeature = defineFeature({
  name: 'points',
  routes: [
    {
      path: 'points',
      page: lazyNamed(() => import('./pages/PointsPage'), 'PointsPage'),
      permission: 'points.read',
    },
    {
      path: 'my-points',
      page: lazyNamed(() => import('./pages/MyPointsPage'), 'MyPointsPage'),
      permission: 'member.self',
      plain: true,
    },
  ],
  menu: [
    {
      path: '/points',
      labelKey: 'nav.points',
      icon: 'TrophyOutlined',
      group: 'care',
      permission: 'points.read',
    },
    {
      path: '/my-points',
      labelKey: 'nav.myPoints',
      icon: 'StarOutlined',
      group: 'care',
      permission: 'member.self',
    },
  ],
  portal: [
    {
      key: 'points',
      order: 43,
      tile: lazyNamed(() => import('./portal/MyPointsCard'), 'MyPointsCard'),
      permission: 'member.self',
    },
  ],
});
