import { defineFeature } from '../../app/feature';
import { lazyNamed } from '../../app/lazyNamed';

/** 自主志愿服务: a member reports hours on the phone; the secretaries review them at the desk. */
export const volunteerHoursFeature = defineFeature({
  name: 'volunteer-hours',
  routes: [
    {
      path: 'volunteer-hours',
      page: lazyNamed(() => import('./pages/VolunteerHoursReviewPage'), 'VolunteerHoursReviewPage'),
      permission: 'volunteer.manage',
    },
    {
      path: 'my-volunteer-hours',
      page: lazyNamed(() => import('./pages/MyVolunteerHoursPage'), 'MyVolunteerHoursPage'),
      permission: 'member.self',
    },
  ],
  menu: [
    {
      path: '/volunteer-hours',
      labelKey: 'nav.volunteerHoursReview',
      icon: 'AuditOutlined',
      group: 'service',
      permission: 'volunteer.manage',
    },
    {
      path: '/my-volunteer-hours',
      labelKey: 'nav.myVolunteerHours',
      icon: 'HeartOutlined',
      group: 'service',
      permission: 'member.self',
    },
  ],
  portal: [
    {
      key: 'volunteer-hours',
      order: 36,
      tile: lazyNamed(() => import('./portal/VolunteerHoursCard'), 'VolunteerHoursCard'),
      permission: 'member.self',
    },
  ],
});
