import { Grid, Layout } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet } from 'react-router-dom';
import { PageSpinner } from '../components/PageSpinner';
import { AppHeader } from './AppHeader';
import { lazyNamed } from './lazyNamed';

// The menu (its icons, antd's Menu and Drawer) loads beside the page on a desk, and on a phone only
// once the drawer is first opened: a phone's first page does without it.
const SideMenu = lazyNamed(() => import('./SideMenu'), 'SideMenu');
const PhoneMenuDrawer = lazyNamed(() => import('./PhoneMenuDrawer'), 'PhoneMenuDrawer');

/** The signed-in frame: header, a side menu (a drawer on phones) and the routed page. */
export function AppLayout() {
  const screens = Grid.useBreakpoint();
  const compact = !screens.md;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [drawerWanted, setDrawerWanted] = useState(false);
  return (
    <Layout className="nx-shell">
      <AppHeader
        compact={compact}
        onOpenMenu={() => {
          setDrawerWanted(true);
          setDrawerOpen(true);
        }}
      />
      <Layout>
        {!compact && (
          <Layout.Sider width={208} theme="light" className="nx-sider">
            <Suspense fallback={null}>
              <SideMenu />
            </Suspense>
          </Layout.Sider>
        )}
        <Layout.Content className={compact ? 'nx-content nx-content-compact' : 'nx-content'}>
          <Suspense fallback={<PageSpinner />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      {compact && drawerWanted && (
        <Suspense fallback={null}>
          <PhoneMenuDrawer open={drawerOpen} onClose={() => setDrawerOpen(false)} />
        </Suspense>
      )}
    </Layout>
  );
}
