import { defineFeature } from '../../app/feature';
import { lazyNamed } from '../../app/lazyNamed';

/** 组织找党员: finding campaigns for the committee and secretaries, leads on a phone for the finders. */
export const findingFeature = defineFeature({
  name: 'finding',
  routes: [
    {
      path: 'finding/campaigns',
      page: lazyNamed(() => import('./pages/CampaignsPage'), 'CampaignsPage'),
      permission: 'finding.manage',
    },
    {
      path: 'finding/campaigns/:id',
      page: lazyNamed(() => import('./pages/CampaignPage'), 'CampaignPage'),
      permission: 'finding.manage',
    },
    {
      path: 'finding/campaigns/:id/progress',
      page: lazyNamed(() => import('./pages/ProgressPage'), 'ProgressPage'),
      permission: 'finding.manage',
    },
    {
      path: 'finding/my-leads',
      page: lazyNamed(() => import('./pages/MyLeadsPage'), 'MyLeadsPage'),
      permission: 'finding.lead',
    },
    // A campaign's managers and the lead's finder open a lead here.
    { path: 'finding/leads/:id', page: lazyNamed(() => import('./pages/LeadPage'), 'LeadPage') },
  ],
  menu: [
    {
      path: '/finding/campaigns',
      labelKey: 'nav.findingCampaigns',
      icon: 'AimOutlined',
      group: 'finding',
      permission: 'finding.manage',
    },
    {
      path: '/finding/my-leads',
      labelKey: 'nav.myLeads',
      icon: 'SearchOutlined',
      group: 'finding',
      permission: 'finding.lead',
    },
  ],
});
