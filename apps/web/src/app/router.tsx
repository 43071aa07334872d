import { lazy, Suspense } from 'react';
import { createBrowserRouter, Outlet, type RouteObject } from 'react-router-dom';
import { PageSpinner } from '../components/PageSpinner';
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

const routes: RouteObject[] = [
  {
    element: <Root />,
    children: [
      { path: '/login', element: <LoginPage /> },
      {
        element: <AntAppFrame />,
        children: [
          ...FEATURES.flatMap((f) => f.publicRoutes ?? []).map(({ path, page: Page }) => ({
            path,
            element: <Page />,
          })),
          {
            path: '/',
            element: (
              <RequireAuth>
                <AppLayout />
              </RequireAuth>
            ),
            children: [
              ...FEATURES.flatMap((f) => f.routes).map(({ path, page: Page, permission }) => ({
                ...(path === '' ? { index: true } : { path }),
                element: permission ? (
                  <RequirePermission permission={permission}>
                    <Page />
                  </RequirePermission>
                ) : (
                  <Page />
                ),
              })),
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
];

let router: ReturnType<typeof createBrowserRouter> | undefined;

/**
 * The app's router, made at the first render: it starts from the address of that moment, which
 * the first login (main.tsx) sets after the module may already have loaded.
 */
export function appRouter(): ReturnType<typeof createBrowserRouter> {
  router ??= createBrowserRouter(routes);
  return router;
}
