import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { inboxApi, inboxKeys } from '../notices.api';

/** The header's bell: the unread count of the user's inbox, a link to it. */
export function InboxBell() {
  const { t } = useTranslation();
  const unread = useQuery({
    queryKey: inboxKeys.unread,
    queryFn: inboxApi.unread,
    refetchInterval: 60_000,
    staleTime: 30_000,
  });
  const count = unread.data ?? 0;
  return (
    <Link to="/inbox" className="nx-header-bell" aria-label={t('notices.inbox.bell', { count })}>
      <Badge count={count} size="small" overflowCount={99}>
        <BellOutlined aria-hidden style={{ fontSize: 18, color: 'inherit' }} />
      </Badge>
    </Link>
  );
}
