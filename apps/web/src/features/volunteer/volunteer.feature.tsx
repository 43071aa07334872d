import { defineFeature } from '../../app/feature';
import { lazyNamed } from '../../app/lazyNamed';

/**
 * Volunteer campaigns (志愿服务活动): the managers' desk (campaigns, posts and shifts, roster,
 * board), the post leader's phone page, a member's own pages and the page a post's QR code opens.
 */
export const volunteerFeature = defineFeature({
  name: 'volunteer',
  routes: [
    {
      path: 'volunteer/campaigns',
      page: lazyNamed(() => import('./pages/CampaignsPage'), 'CampaignsPage'),
      permission: 'volunteer.read',
    },
    {
      path: 'volunteer/campaigns/:id',
      page: lazyNamed(() => import('./pages/CampaignPage'), 'CampaignPage'),
      permission: 'volunteer.read',
    },
    {
      path: 'volunteer/mine',
      page: lazyNamed(() => import('./pages/MyVolunteerPage'), 'MyVolunteerPage'),
      permission: 'member.self',
      plain: true,
    },
    {
      path: 'volunteer/leading',
      page: lazyNamed(() => import('./pages/LeaderPage'), 'LeaderPage'),
      permission: 'member.self',
    },
    {
      path: 'volunteer/scan/:id/:postId',
      page: lazyNamed(() => import('./pages/ScanPage'), 'ScanPage'),
      permission: 'member.self',
    },
  ],
  menu: [
    {
      path: '/volunteer/campaigns',
      labelKey: 'nav.volunteerCampaigns',
      icon: 'TeamOutlined',
      group: 'service',
      permission: 'volunteer.read',
    },
    {
      path: '/volunteer/mine',
      labelKey: 'nav.myVolunteering',
      icon: 'HeartOutlined',
      group: 'service',
      permission: 'member.self',
    },
    {
      path: '/volunteer/leading',
      labelKey: 'nav.volunteerLeading',
      icon: 'FlagOutlined',
      group: 'service',
      permission: 'member.self',
    },
  ],
  portal: [
    {
      key: 'volunteer-shifts',
      order: 35,
      tile: lazyNamed(() => import('./portal/MyShiftsTile'), 'MyShiftsTile'),
      permission: 'member.self',
    },
  ],
});
