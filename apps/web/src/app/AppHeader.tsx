import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Layout, Typography } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { useLogout } from '../features/auth/useLogout';
import { useCurrentUser } from '../features/auth/useMe';
import { InboxBell } from '../features/notices/components/InboxBell';
import { lazyNamed } from './lazyNamed';

// The role tags (the code tables' names) show on a desk only; a phone shows them in the menu drawer.
const UserRoleTags = lazyNamed(() => import('./UserRoleTags'), 'UserRoleTags');

interface AppHeaderProps {
  compact: boolean;
  onOpenMenu: () => void;
}

export function AppHeader({ compact, onOpenMenu }: AppHeaderProps) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const logout = useLogout();
  return (
    <Layout.Header className="nx-header">
      {compact && (
        <Button
          type="text"
          icon={<MenuOutlined aria-hidden />}
          aria-label={t('app.openMenu')}
          onClick={onOpenMenu}
          className="nx-header-burger"
        />
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
          <UserOutlined aria-hidden />
          <Typography.Text ellipsis className="nx-header-user-name">
            {me.user.displayName}
          </Typography.Text>
        </Link>
        <LanguageSwitcher compact={compact} />
        <Button
          type="text"
          icon={<LogoutOutlined aria-hidden />}
          loading={logout.isPending}
          onClick={() => logout.mutate()}
        >
          {compact ? <span className="nx-visually-hidden">{t('app.logout')}</span> : t('app.logout')}
        </Button>
      </div>
    </Layout.Header>
  );
}
