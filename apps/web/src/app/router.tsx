import { Suspense } from 'react';
import { createBrowserRouter, Outlet } from 'react-router-dom';
import { PageSpinner } from '../components/PageSpinner';
import { lazyNamed } from './lazyNamed';
import { RequireAuth } from './RequireAuth';
import { RequirePermission } from './RequirePermission';

const LoginPage = lazyNamed(() => import('../features/auth/pages/LoginPage'), 'LoginPage');
const AppLayout = lazyNamed(() => import('./AppLayout'), 'AppLayout');
const HomeRedirect = lazyNamed(() => import('./HomeRedirect'), 'HomeRedirect');
const NotFoundPage = lazyNamed(() => import('./NotFoundPage'), 'NotFoundPage');
const OrgsPage = lazyNamed(() => import('../features/orgs/pages/OrgsPage'), 'OrgsPage');
const AuditPage = lazyNamed(() => import('../features/audit/pages/AuditPage'), 'AuditPage');
const UsersPage = lazyNamed(() => import('../features/users/pages/UsersPage'), 'UsersPage');
const MembersPage = lazyNamed(() => import('../features/members/pages/MembersPage'), 'MembersPage');
const MemberPage = lazyNamed(() => import('../features/members/pages/MemberPage'), 'MemberPage');
const MemberImportPage = lazyNamed(
  () => import('../features/members/pages/MemberImportPage'),
  'MemberImportPage',
);
const MyRecordPage = lazyNamed(() => import('../features/me/pages/MyRecordPage'), 'MyRecordPage');
const AccountPage = lazyNamed(() => import('../features/account/pages/AccountPage'), 'AccountPage');

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
          {
            path: 'members',
            element: (
              <RequirePermission permission="member.read">
                <MembersPage />
              </RequirePermission>
            ),
          },
          {
            path: 'members/import',
            element: (
              <RequirePermission permission="member.import">
                <MemberImportPage />
              </RequirePermission>
            ),
          },
          {
            path: 'members/:id',
            element: (
              <RequirePermission permission="member.read">
                <MemberPage />
              </RequirePermission>
            ),
          },
          {
            path: 'me',
            element: (
              <RequirePermission permission="member.self">
                <MyRecordPage />
              </RequirePermission>
            ),
          },
          {
            path: 'orgs',
            element: (
              <RequirePermission permission="org.read">
                <OrgsPage />
              </RequirePermission>
            ),
          },
          {
            path: 'audit',
            element: (
              <RequirePermission permission="audit.read">
                <AuditPage />
              </RequirePermission>
            ),
          },
          {
            path: 'users',
            element: (
              <RequirePermission permission="user.read">
                <UsersPage />
              </RequirePermission>
            ),
          },
          { path: 'account', element: <AccountPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
