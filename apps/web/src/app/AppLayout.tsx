import { Suspense, useState } from 'react';
import { Outlet } from 'react-router-dom';
import { PageSpinner } from '../components/PageSpinner';
import { AppHeader } from './AppHeader';
import { FONT_FAMILY } from './fontFamily';
import { lazyAnt } from './lazyAnt';
import { useCompact } from './useCompact';

// The menu (its icons, antd's Menu and Drawer) loads beside the page on a desk, and on a phone only
// once the drawer is first opened: a phone's first page does without it, and without antd.
const SideMenu = lazyAnt(() => import('./SideMenu'), 'SideMenu');
const PhoneMenuDrawer = lazyAnt(() => import('./PhoneMenuDrawer'), 'PhoneMenuDrawer');

/**
 * What the frame tells a plain page (useOutletContext): whether the window is a phone's. A page
 * that asks useCompact itself would put it in a chunk of its own, one more file on every page.
 */
export interface FrameContext {
  compact: boolean;
}

/** The signed-in frame, plain elements in antd's look: header, a side menu (a drawer on phones), the page. */
export function AppLayout() {
  const compact = useCompact();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [drawerWanted, setDrawerWanted] = useState(false);
  return (
    <div className="nx-shell" style={{ fontFamily: FONT_FAMILY }}>
      <AppHeader
        compact={compact}
        onOpenMenu={() => {
          setDrawerWanted(true);
          setDrawerOpen(true);
        }}
      />
      <div className="nx-shell-body">
        {!compact && (
          <aside className="nx-sider">
            <Suspense fallback={null}>
              <SideMenu />
            </Suspense>
          </aside>
        )}
        <main className={compact ? 'nx-content nx-content-compact' : 'nx-content'}>
          <Suspense fallback={<PageSpinner />}>
            <Outlet context={{ compact } satisfies FrameContext} />
          </Suspense>
        </main>
      </div>
      {compact && drawerWanted && (
        <Suspense fallback={null}>
          <PhoneMenuDrawer open={drawerOpen} onClose={() => setDrawerOpen(false)} />
        </Suspense>
      )}
    </div>
  );
}
