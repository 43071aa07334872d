import { Suspense } from 'react';
import { createBrowserRouter, Outlet } from 'react-router-dom';
import { PageSpinner } from '../components/PageSpinner';
import { FEATURES } from './features';
import { lazyNamed } from './lazyNamed';
import { RequireAuth } from './RequireAuth';
import { RequirePermission } from './RequirePermission';

const LoginPage = lazyNamed(() => import('../features/auth/pages/LoginPage'), 'LoginPage');
const AppLayout = lazyNamed(() => import('./AppLayout'), 'AppLayout');
const HomeRedirect = lazyNamed(() => import('./HomeRedirect'), 'HomeRedirect');
const NotFoundPage = lazyNamed(() => import('./NotFoundPage'), 'NotFoundPage');
function Root() {
  return (
    <Suspense fallback={<PageSpinner />}>
      <Outlet />
    </Suspense>
  );
}

export const router = createBrowserRouter([
  {
    element: <Root />,
    children: [
      { path: '/login', element: <LoginPage /> },
      {
        path: '/',
        element: (
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        ),
        children: [
          { index: true, element: <HomeRedirect /> },
          ...FEATURES.flatMap((f) => f.routes).map(({ path, page: Page, permission }) => ({
            path,
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
]);
