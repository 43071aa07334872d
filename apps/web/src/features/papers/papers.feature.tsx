import { defineFeature } from '../../app/feature';
import { lazyNamed } from '../../app/lazyNamed';

/** 流动党员活动证 (the certificate ledger) and 组织关系转接 (transfer letters). */
export const papersFeature = defineFeature({
  name: 'papers',
  routes: [
    {
      path: 'certificates',
      page: lazyNamed(() => import('./pages/CertificatesPage'), 'CertificatesPage'),
      permission: 'member.read',
    },
    {
      path: 'transfers',
      page: lazyNamed(() => import('./pages/TransfersPage'), 'TransfersPage'),
      permission: 'member.read',
    },
  ],
  menu: [
    {
      path: '/certificates',
      labelKey: 'nav.certificates',
      icon: 'IdcardOutlined',
      group: 'finding',
      permission: 'member.read',
    },
    {
      path: '/transfers',
      labelKey: 'nav.transfers',
      icon: 'SwapOutlined',
      group: 'finding',
      permission: 'member.read',
    },
  ],
});
