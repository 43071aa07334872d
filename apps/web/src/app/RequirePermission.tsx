import type { Action } from '@ningxin/shared';
import { type ReactNode, Suspense } from 'react';
import { hasPermission } from '../features/auth/auth.api';
import { useMe } from '../features/auth/useMe';
import { lazyAnt } from './lazyAnt';

// Rarely shown, and antd's Result brings its pictures: it loads only when a page is refused.
const Forbidden = lazyAnt(() => import('./Forbidden'), 'Forbidden');

/** Shows a 403 page instead of its children when the user lacks the permission. */
export function RequirePermission({ permission, children }: { permission: Action; children: ReactNode }) {
  const me = useMe();
  if (!hasPermission(me.data, permission))
    return (
      <Suspense fallback={null}>
        <Forbidden />
      </Suspense>
    );
  return <>{children}</>;
}
