import { Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { useCurrentUser } from '../features/auth/useMe';
import { MENU_ICONS } from './menuIcons';
import { isInSection, visibleEntries, visibleGroups } from './navigation';

interface SideMenuProps {
  /** Called after an entry is chosen (the phone drawer closes itself). */
  onNavigate?: () => void;
}

/** The navigation menu, built from the user's permissions. */
export function SideMenu({ onNavigate }: SideMenuProps) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const location = useLocation();
  const entries = visibleEntries(me.permissions);
  const selected = entries.find((e) => isInSection(location.pathname, e.path))?.path;
  return (
    <nav aria-label={t('app.name')}>
      <Menu
        mode="inline"
        className="nx-side-menu"
        selectedKeys={selected ? [selected] : []}
        items={visibleGroups(me.permissions).map(({ group, entries: inGroup }) => ({
          type: 'group' as const,
          key: `group-${group}`,
          label: t(`menuGroup.${group}`),
          children: inGroup.map((e) => ({ key: e.path, icon: MENU_ICONS[e.icon], label: t(e.labelKey) })),
        }))}
        onClick={({ key }) => {
          if (entries.find((e) => e.path === key)?.ownPage) window.location.assign(key);
          else navigate(key);
          onNavigate?.();
        }}
      />
    </nav>
  );
}
