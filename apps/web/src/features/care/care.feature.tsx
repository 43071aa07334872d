import { defineFeature } from '../../app/feature';
import { lazyNamed } from '../../app/lazyNamed';

/** 关爱、表彰: visits, hardship help, Party birthdays and honours at the desk; my care and honours on the phone. */
export const careFeature = defineFeature({
  name: 'care',
  routes: [
    {
      path: 'care/visits',
      page: lazyNamed(() => import('./pages/CareVisitsPage'), 'CareVisitsPage'),
      permission: 'care.read',
    },
    {
      path: 'care/help',
      page: lazyNamed(() => import('./pages/CareHelpPage'), 'CareHelpPage'),
      permission: 'care.read',
    },
    {
      path: 'care/birthdays',
      page: lazyNamed(() => import('./pages/CareBirthdaysPage'), 'CareBirthdaysPage'),
      permission: 'care.read',
    },
    {
      path: 'care/honours',
      page: lazyNamed(() => import('./pages/HonoursPage'), 'HonoursPage'),
      permission: 'care.read',
    },
    {
      path: 'my-care',
      page: lazyNamed(() => import('./pages/MyCarePage'), 'MyCarePage'),
      permission: 'member.self',
      plain: true,
    },
  ],
  menu: [
    {
      path: '/care/visits',
      labelKey: 'nav.careVisits',
      icon: 'HeartOutlined',
      group: 'care',
      permission: 'care.read',
    },
    {
      path: '/care/help',
      labelKey: 'nav.careHelp',
      icon: 'GiftOutlined',
      group: 'care',
      permission: 'care.read',
    },
    {
      path: '/care/birthdays',
      labelKey: 'nav.careBirthdays',
      icon: 'CalendarOutlined',
      group: 'care',
      permission: 'care.read',
    },
    {
      path: '/care/honours',
      labelKey: 'nav.honours',
      icon: 'TrophyOutlined',
      group: 'care',
      permission: 'care.read',
    },
    {
      path: '/my-care',
      labelKey: 'nav.myCare',
      icon: 'SmileOutlined',
      group: 'care',
      permission: 'member.self',
    },
  ],
  portal: [
    {
      key: 'care',
      order: 40,
      tile: lazyNamed(() => import('./portal/CareCard'), 'CareCard'),
      permission: 'member.self',
    },
  ],
});
