import type { Action } from '@ningxin/shared';
import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission } from '../features/auth/auth.api';
import { useMe } from '../features/auth/useMe';

/** Shows a 403 page instead of its children when the user lacks the permission. */
export function RequirePermission({ permission, children }: { permission: Action; children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  if (!hasPermission(me.data, permission))
    return <Result status="403" title="403" subTitle={t('app.forbidden')} />;
  return <>{children}</>;
}
