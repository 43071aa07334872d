import { lazy, Suspense } from 'react';
import { Outlet, type RouteObject, useRoutes } from 'react-router-dom';
import { PageSpinner } from '../components/PageSpinner';
import type { FeatureRoute } from './feature';
import { FEATURES } from './features';
import { lazyNamed } from './lazyNamed';
import { RequireAuth } from './RequireAuth';
import { RequirePermission } from './RequirePermission';

// The login page needs only the texts bundled with the entry (app, login), not the pages' chunk.
const LoginPage = lazy(async () => ({
  default: (await import('../features/auth/pages/LoginPage')).LoginPage,
}));
const AntAppFrame = lazyNamed(() => import('./AntAppFrame'), 'AntAppFrame');
const AppLayout = lazyNamed(() => import('./AppLayout'), 'AppLayout');
const NotFoundPage = lazyNamed(() => import('./NotFoundPage'), 'NotFoundPage');
function Root() {
  return (
    <Suspense fallback={<PageSpinner />}>
      <Outlet />
    </Suspense>
  );
}

const ROUTES = FEATURES.flatMap((f) => f.routes);

function toRoute({ path, page: Page, permission }: FeatureRoute): RouteObject {
  return {
    ...(path === '' ? { index: true } : { path }),
    element: permission ? (
      <RequirePermission permission={permission}>
        <Page />
      </RequirePermission>
    ) : (
      <Page />
    ),
  };
}

const routes: RouteObject[] = [
  {
    element: <Root />,
    children: [
      { path: '/login', element: <LoginPage /> },
      {
        element: <AntAppFrame />,
        children: FEATURES.flatMap((f) => f.publicRoutes ?? []).map(({ path, page: Page }) => ({
          path,
          element: <Page />,
        })),
      },
      {
        path: '/',
        element: (
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        ),
        children: [
          // The plain pages (a member's phone pages) render without antd's frame.
          ...ROUTES.filter((r) => r.plain).map(toRoute),
          {
            element: <AntAppFrame />,
            children: [
              ...ROUTES.filter((r) => !r.plain).map(toRoute),
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
];

/**
 * The app's routes. Declarative routing (a BrowserRouter around useRoutes, in ./App.tsx): the
 * app uses no loaders or actions, and the data router's code is about 18 KB gzip more on every
 * first load.
 */
export function AppRoutes() {
  return useRoutes(routes);
}
