import type { UserResponse } from '@ningxin/shared';
import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/useFormatters';

export function isLocked(user: UserResponse): boolean {
  return user.lockedUntil !== null && new Date(user.lockedUntil).getTime() > Date.now();
}

export function UserStatus({ user }: { user: UserResponse }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const tags = [];
  if (user.disabled) tags.push(<Tag key="disabled">{t('users.disabled')}</Tag>);
  if (isLocked(user)) {
    tags.push(
      <Tag key="locked" color="error">
        {t('users.locked', { time: fmt.dateTime(user.lockedUntil) })}
      </Tag>,
    );
  }
  if (user.mustChangePassword) {
    tags.push(
      <Tag key="must" color="warning">
        {t('users.mustChange')}
      </Tag>,
    );
  }
  if (tags.length === 0)
    tags.push(
      <Tag key="ok" color="success">
        {t('users.normal')}
      </Tag>,
    );
  return (
    <Space size={[0, 4]} wrap>
      {tags}
    </Space>
  );
}
