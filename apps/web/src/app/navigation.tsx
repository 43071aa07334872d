import {
  ApartmentOutlined,
  AuditOutlined,
  IdcardOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { Action } from '@ningxin/shared';
import type { ReactNode } from 'react';
import type { Translation } from './i18n/zh-CN';

export interface NavEntry {
  path: string;
  labelKey: `nav.${keyof Translation['nav']}`;
  icon: ReactNode;
  /** The permission needed to see the entry; none means everyone. */
  permission?: Action;
}

/** The side menu, in order; the first entry the user may open is the home page. */
export const NAV_ENTRIES: readonly NavEntry[] = [
  {
    path: '/members',
    labelKey: 'nav.members',
    icon: <SolutionOutlined aria-hidden />,
    permission: 'member.read',
  },
  { path: '/orgs', labelKey: 'nav.orgs', icon: <ApartmentOutlined aria-hidden />, permission: 'org.read' },
  { path: '/audit', labelKey: 'nav.audit', icon: <AuditOutlined aria-hidden />, permission: 'audit.read' },
  { path: '/users', labelKey: 'nav.users', icon: <TeamOutlined aria-hidden />, permission: 'user.read' },
  { path: '/me', labelKey: 'nav.me', icon: <IdcardOutlined aria-hidden />, permission: 'member.self' },
  { path: '/account', labelKey: 'nav.account', icon: <UserOutlined aria-hidden /> },
];

export function visibleEntries(permissions: readonly Action[]): NavEntry[] {
  return NAV_ENTRIES.filter((e) => !e.permission || permissions.includes(e.permission));
}

/** Whether a path lies in an entry's section (/members/12 is in /members; /members is not in /me). */
export function isInSection(pathname: string, entryPath: string): boolean {
  return pathname === entryPath || pathname.startsWith(`${entryPath}/`);
}
