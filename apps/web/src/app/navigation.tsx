import type { Action } from '@ningxin/shared';
import { MENU_GROUPS, type MenuEntry, type MenuGroup, type PortalTile } from './feature';
import { FEATURES } from './features';

export type { MenuEntry as NavEntry } from './feature';

/** The side menu's entries: every feature's, by group in MENU_GROUPS order, then feature order. */
export const NAV_ENTRIES: readonly MenuEntry[] = FEATURES.flatMap((f) => f.menu ?? [])
  .map((entry, index) => ({ entry, index }))
  .sort(
    (a, b) => MENU_GROUPS.indexOf(a.entry.group) - MENU_GROUPS.indexOf(b.entry.group) || a.index - b.index,
  )
  .map(({ entry }) => entry);

export function visibleEntries(permissions: readonly Action[]): MenuEntry[] {
  return NAV_ENTRIES.filter((e) => !e.permission || permissions.includes(e.permission));
}

/** The visible entries by group, groups in order, empty groups left out. */
export function visibleGroups(permissions: readonly Action[]): { group: MenuGroup; entries: MenuEntry[] }[] {
  const entries = visibleEntries(permissions);
  return MENU_GROUPS.map((group) => ({ group, entries: entries.filter((e) => e.group === group) })).filter(
    (g) => g.entries.length > 0,
  );
}

/** Whether a path lies in an entry's section (/members/12 is in /members; /members is not in /me). */
export function isInSection(pathname: string, entryPath: string): boolean {
  return pathname === entryPath || pathname.startsWith(`${entryPath}/`);
}

/** The member portal's cards the user may see, every feature's, in order. */
export function visiblePortalTiles(permissions: readonly Action[]): PortalTile[] {
  return FEATURES.flatMap((f) => f.portal ?? [])
    .filter((t) => !t.permission || permissions.includes(t.permission))
    .sort((a, b) => a.order - b.order);
}
