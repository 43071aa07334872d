import { defineFeature } from '../../app/feature';
import { lazyNamed } from '../../app/lazyNamed';

/** 组织生活: meetings (desk), a meeting's page, my meetings (phone) and the QR sign-in page. */
export const lifeFeature = defineFeature({
  name: 'life',
  routes: [
    {
      path: 'meetings',
      page: lazyNamed(() => import('./pages/MeetingsPage'), 'MeetingsPage'),
      permission: 'meeting.read',
    },
    // A member opens the meetings they attend too: the server decides.
    { path: 'meetings/:id', page: lazyNamed(() => import('./pages/MeetingPage'), 'MeetingPage') },
    {
      path: 'my-meetings',
      page: lazyNamed(() => import('./pages/MyMeetingsPage'), 'MyMeetingsPage'),
      permission: 'member.self',
      plain: true,
    },
    { path: 'sign-in/:kind/:id', page: lazyNamed(() => import('./pages/SignInPage'), 'SignInPage') },
  ],
  menu: [
    {
      path: '/meetings',
      labelKey: 'nav.meetings',
      icon: 'CalendarOutlined',
      group: 'life',
      permission: 'meeting.read',
    },
    {
      path: '/my-meetings',
      labelKey: 'nav.myMeetings',
      icon: 'ScheduleOutlined',
      group: 'life',
      permission: 'member.self',
    },
  ],
  portal: [
    {
      key: 'meetings',
      order: 30,
      tile: lazyNamed(() => import('./portal/MyMeetingsTile'), 'MyMeetingsTile'),
      permission: 'member.self',
    },
  ],
});
