import { defineFeature } from '../../app/feature';
import { lazyNamed } from '../../app/lazyNamed';

/** The hometown ledgers (服务家乡): projects brought in, donations, labour export, and their totals. */
export const hometownFeature = defineFeature({
  name: 'hometown',
  routes: [
    {
      path: 'hometown',
      page: lazyNamed(() => import('./pages/HometownTotalsPage'), 'HometownTotalsPage'),
      permission: 'hometown.read',
    },
    {
      path: 'hometown/projects',
      page: lazyNamed(() => import('./pages/ProjectsPage'), 'ProjectsPage'),
      permission: 'hometown.read',
    },
    {
      path: 'hometown/projects/:id',
      page: lazyNamed(() => import('./pages/ProjectDetailPage'), 'ProjectDetailPage'),
      permission: 'hometown.read',
    },
    {
      path: 'hometown/donations',
      page: lazyNamed(() => import('./pages/DonationsPage'), 'DonationsPage'),
      permission: 'hometown.read',
    },
    {
      path: 'hometown/labour',
      page: lazyNamed(() => import('./pages/LabourPage'), 'LabourPage'),
      permission: 'hometown.read',
    },
  ],
  menu: [
    {
      path: '/hometown',
      labelKey: 'nav.hometownTotals',
      icon: 'FundOutlined',
      group: 'hometown',
      permission: 'hometown.read',
    },
    {
      path: '/hometown/projects',
      labelKey: 'nav.hometownProjects',
      icon: 'BankOutlined',
      group: 'hometown',
      permission: 'hometown.read',
    },
    {
      path: '/hometown/donations',
      labelKey: 'nav.hometownDonations',
      icon: 'GiftOutlined',
      group: 'hometown',
      permission: 'hometown.read',
    },
    {
      path: '/hometown/labour',
      labelKey: 'nav.hometownLabour',
      icon: 'TeamOutlined',
      group: 'hometown',
      permission: 'hometown.read',
    },
  ],
});
