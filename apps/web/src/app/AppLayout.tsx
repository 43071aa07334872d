import { Drawer, Grid, Layout } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router-dom';
import { PageSpinner } from '../components/PageSpinner';
import { AppHeader } from './AppHeader';
import { SideMenu } from './SideMenu';
import { UserRoleTags } from './UserRoleTags';

/** The signed-in frame: header, a side menu (a drawer on phones) and the routed page. */
export function AppLayout() {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const compact = !screens.md;
  const [drawerOpen, setDrawerOpen] = useState(false);
  return (
    <Layout className="nx-shell">
      <AppHeader compact={compact} onOpenMenu={() => setDrawerOpen(true)} />
      <Layout>
        {!compact && (
          <Layout.Sider width={208} theme="light" className="nx-sider">
            <SideMenu />
          </Layout.Sider>
        )}
        <Layout.Content className={compact ? 'nx-content nx-content-compact' : 'nx-content'}>
          <Suspense fallback={<PageSpinner />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      {compact && (
        <Drawer
          placement="left"
          size={260}
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          title={t('app.name')}
          styles={{ body: { padding: 0 } }}
        >
          <div className="nx-drawer-roles">
            <UserRoleTags />
          </div>
          <SideMenu onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
    </Layout>
  );
}
