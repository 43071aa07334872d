import { defineFeature } from '../../app/feature';
import { lazyNamed } from '../../app/lazyNamed';

/** 党费: the branches' monthly ledgers, arrears, bases, reliefs; a member's own dues on the phone. */
export const duesFeature = defineFeature({
  name: 'dues',
  routes: [
    {
      path: 'dues',
      page: lazyNamed(() => import('./pages/DuesMonthsPage'), 'DuesMonthsPage'),
      permission: 'dues.read',
    },
    {
      path: 'dues/months/:id',
      page: lazyNamed(() => import('./pages/DuesMonthPage'), 'DuesMonthPage'),
      permission: 'dues.read',
    },
    {
      path: 'dues/arrears',
      page: lazyNamed(() => import('./pages/DuesArrearsPage'), 'DuesArrearsPage'),
      permission: 'dues.read',
    },
    {
      path: 'dues/bases',
      page: lazyNamed(() => import('./pages/DuesBasesPage'), 'DuesBasesPage'),
      permission: 'dues.read',
    },
    {
      path: 'dues/reliefs',
      page: lazyNamed(() => import('./pages/DuesReliefsPage'), 'DuesReliefsPage'),
      permission: 'dues.read',
    },
    {
      path: 'my-dues',
      page: lazyNamed(() => import('./pages/MyDuesPage'), 'MyDuesPage'),
      permission: 'member.self',
      plain: true,
    },
  ],
  menu: [
    {
      path: '/dues',
      labelKey: 'nav.duesMonths',
      icon: 'AccountBookOutlined',
      group: 'care',
      permission: 'dues.read',
    },
    {
      path: '/dues/arrears',
      labelKey: 'nav.duesArrears',
      icon: 'AlertOutlined',
      group: 'care',
      permission: 'dues.read',
    },
    {
      path: '/dues/bases',
      labelKey: 'nav.duesBases',
      icon: 'CalculatorOutlined',
      group: 'care',
      permission: 'dues.read',
    },
    {
      path: '/dues/reliefs',
      labelKey: 'nav.duesReliefs',
      icon: 'SolutionOutlined',
      group: 'care',
      permission: 'dues.read',
    },
    {
      path: '/my-dues',
      labelKey: 'nav.myDues',
      icon: 'WalletOutlined',
      group: 'care',
      permission: 'member.self',
    },
  ],
  portal: [
    {
      key: 'dues',
      order: 41,
      tile: lazyNamed(() => import('./portal/DuesCard'), 'DuesCard'),
      permission: 'member.self',
    },
  ],
});
