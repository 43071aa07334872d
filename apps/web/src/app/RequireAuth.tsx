import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { PageSpinner } from '../components/PageSpinner';
import { useMe } from '../features/auth/useMe';
import { lazyAnt } from './lazyAnt';

// Rarely shown, and antd's Result is heavy: it loads only when the session check fails.
const LoadError = lazyAnt(() => import('../components/LoadError'), 'LoadError');

/**
 * Renders its children only for a signed-in user. Without a session it goes to /login, keeping
 * the page to come back to; a user who must change the password goes to the account page first.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const location = useLocation();
  const me = useMe();
  if (me.isPending) return <PageSpinner />;
  if (me.isError) return <LoadError error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    const to = next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
    return <Navigate to={to} replace />;
  }
  const { mustChangePassword, twoFactorRequired } = me.data.user;
  if ((mustChangePassword || twoFactorRequired) && location.pathname !== '/account') {
    return <Navigate to="/account" replace />;
  }
  return <>{children}</>;
}
