import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { useLogout } from '../features/auth/useLogout';
import { useCurrentUser } from '../features/auth/useMe';
import { InboxBell } from '../features/notices/components/InboxBell';
import { lazyNamed } from './lazyNamed';
import { LogoutIcon, MenuIcon, UserIcon } from './shellIcons';

// The role tags (the code tables' names) show on a desk only; a phone shows them in the menu drawer.
const UserRoleTags = lazyNamed(() => import('./UserRoleTags'), 'UserRoleTags');

interface AppHeaderProps {
  compact: boolean;
  onOpenMenu: () => void;
}

/** The frame's header, plain elements in the look of antd's text buttons. */
export function AppHeader({ compact, onOpenMenu }: AppHeaderProps) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const logout = useLogout();
  return (
    <header className="nx-header">
      {compact && (
        <button
          type="button"
          className="nx-text-button nx-header-burger"
          aria-label={t('app.openMenu')}
          onClick={onOpenMenu}
        >
          <MenuIcon />
        </button>
      )}
      <Link to="/" className="nx-brand">
        <span className="nx-brand-name">{t('app.name')}</span>
        {!compact && <span className="nx-brand-subtitle">{t('app.subtitle')}</span>}
      </Link>
      <div className="nx-header-right">
        {!compact && (
          <Suspense fallback={null}>
            <UserRoleTags />
          </Suspense>
        )}
        <InboxBell />
        <Link to="/account" className="nx-header-user">
          <UserIcon />
          <span className="nx-header-user-name">{me.user.displayName}</span>
        </Link>
        <LanguageSwitcher compact={compact} />
        <button
          type="button"
          className="nx-text-button"
          disabled={logout.isPending}
          onClick={() => logout.mutate()}
        >
          <LogoutIcon />
          {compact ? (
            <span className="nx-visually-hidden">{t('app.logout')}</span>
          ) : (
            <span>{t('app.logout')}</span>
          )}
        </button>
      </div>
    </header>
  );
}
