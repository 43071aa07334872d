import type { Action } from '@ningxin/shared';
import type { ComponentType, LazyExoticComponent } from 'react';
import type { Translation } from './i18n/zh-CN';
import type { MenuIcon } from './menuIcons';

/**
 * A feature of the web app declares its pages and its menu entries; the router and the side
 * menu are built from the list of features (app/features.ts). Adding a domain's pages is one
 * more line there.
 */

/** The menu's groups, in the order users think in. */
export const MENU_GROUPS = [
  'workbench', // 工作台
  'members', // 党员
  'orgs', // 组织
  'finding', // 党员双找
  'life', // 组织生活
  'learning', // 学习教育
  'service', // 志愿服务
  'hometown', // 服务家乡
  'care', // 关爱激励
  'stats', // 统计
  'system', // 系统
] as const;
export type MenuGroup = (typeof MENU_GROUPS)[number];

export interface FeatureRoute {
  /** Below the signed-in frame, without the leading slash (`members/:id`); '' is the home page. */
  path: string;
  page: LazyExoticComponent<ComponentType>;
  /** The permission the page needs; none means every signed-in user. */
  permission?: Action;
  /**
   * A page made without antd (a member's phone page): it renders in the plain frame, and antd
   * loads only if the user goes on to a page that uses it.
   */
  plain?: true;
}

export interface MenuEntry {
  path: string;
  labelKey: `nav.${keyof Translation['nav']}`;
  /** By name (app/menuIcons.tsx): the icons load with the menu, not with the first page. */
  icon: MenuIcon;
  group: MenuGroup;
  /** The permission needed to see the entry; none means everyone. */
  permission?: Action;
  /** A page of its own outside the app (the big screen): opened by loading it as a whole. */
  ownPage?: true;
}

/** A page outside the signed-in frame, open to anyone (the self-registration page). */
export interface PublicRoute {
  /** From the root, with the leading slash (`/join`). */
  path: string;
  page: ComponentType | LazyExoticComponent<ComponentType>;
}

/**
 * A card on the member portal (the phone home of a member): a feature shows its part of the
 * member's day (study, meetings, reflections …). The card loads its own data, is small and
 * lazy, and renders nothing when it has nothing to say. It lives in the feature's `portal/`
 * folder: the build puts what only the portal uses in one chunk by it (vite.chunks.ts).
 */
export interface PortalTile {
  key: string;
  /** Lower first: 10 study, 20 courses, 30 meetings, 40 notices, 50 reflections, 60 reports, 90 record. */
  order: number;
  tile: LazyExoticComponent<ComponentType>;
  permission?: Action;
}

export interface Feature {
  name: string;
  routes: readonly FeatureRoute[];
  /** Pages without login, outside the signed-in frame. */
  publicRoutes?: readonly PublicRoute[];
  menu?: readonly MenuEntry[];
  /** Cards on the member portal. */
  portal?: readonly PortalTile[];
}

export const defineFeature = (feature: Feature): Feature => feature;
