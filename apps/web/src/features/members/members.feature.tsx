import { defineFeature } from '../../app/feature';
import { lazyNamed } from '../../app/lazyNamed';

export const membersFeature = defineFeature({
  name: 'members',
  routes: [
    {
      path: 'members',
      page: lazyNamed(() => import('./pages/MembersPage'), 'MembersPage'),
      permission: 'member.read',
      // Plain on a phone; at a desk it loads antd (with its App) for the table itself.
      plain: true,
    },
    {
      path: 'members/import',
      page: lazyNamed(() => import('./pages/MemberImportPage'), 'MemberImportPage'),
      permission: 'member.import',
    },
    {
      path: 'members/:id',
      page: lazyNamed(() => import('./pages/MemberPage'), 'MemberPage'),
      permission: 'member.read',
    },
  ],
  menu: [
    {
      path: '/members',
      labelKey: 'nav.members',
      icon: 'SolutionOutlined',
      group: 'members',
      permission: 'member.read',
    },
  ],
});
