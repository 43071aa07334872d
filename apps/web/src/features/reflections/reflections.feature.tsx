import { defineFeature } from '../../app/feature';
import { lazyNamed } from '../../app/lazyNamed';

/**
 * Reflections (心得体会) — the reviewers' desk, a member's own on the phone, the featured ones for
 * everyone — and the yearly reports (思想汇报、情况报告): readers' list, a member's own.
 */
export const reflectionsFeature = defineFeature({
  name: 'reflections',
  routes: [
    {
      path: 'reflections',
      page: lazyNamed(() => import('./pages/ReflectionsReviewPage'), 'ReflectionsReviewPage'),
      permission: 'reflection.review',
    },
    {
      path: 'reflections/featured',
      page: lazyNamed(() => import('./pages/FeaturedReflectionsPage'), 'FeaturedReflectionsPage'),
    },
    { path: 'reflections/:id', page: lazyNamed(() => import('./pages/ReflectionPage'), 'ReflectionPage') },
    {
      path: 'my-reflections',
      page: lazyNamed(() => import('./pages/MyReflectionsPage'), 'MyReflectionsPage'),
      permission: 'member.self',
      plain: true,
    },
    {
      path: 'reports',
      page: lazyNamed(() => import('./pages/ReportsPage'), 'ReportsPage'),
      permission: 'report.read',
    },
    { path: 'reports/:id', page: lazyNamed(() => import('./pages/ReportPage'), 'ReportPage') },
    {
      path: 'my-reports',
      page: lazyNamed(() => import('./pages/MyReportsPage'), 'MyReportsPage'),
      permission: 'member.self',
      plain: true,
    },
  ],
  menu: [
    {
      path: '/reflections',
      labelKey: 'nav.reflectionsReview',
      icon: 'AuditOutlined',
      group: 'learning',
      permission: 'reflection.review',
    },
    {
      path: '/reflections/featured',
      labelKey: 'nav.featuredReflections',
      icon: 'StarOutlined',
      group: 'learning',
    },
    {
      path: '/my-reflections',
      labelKey: 'nav.myReflections',
      icon: 'BulbOutlined',
      group: 'learning',
      permission: 'member.self',
    },
    {
      path: '/reports',
      labelKey: 'nav.memberReports',
      icon: 'FileTextOutlined',
      group: 'learning',
      permission: 'report.read',
    },
    {
      path: '/my-reports',
      labelKey: 'nav.myReports',
      icon: 'FormOutlined',
      group: 'learning',
      permission: 'member.self',
    },
  ],
  portal: [
    {
      key: 'reflections',
      order: 50,
      tile: lazyNamed(() => import('./portal/ReflectionsTile'), 'ReflectionsTile'),
      permission: 'member.self',
    },
    {
      key: 'reports',
      order: 60,
      tile: lazyNamed(() => import('./portal/ReportTile'), 'ReportTile'),
      permission: 'member.self',
    },
  ],
});
