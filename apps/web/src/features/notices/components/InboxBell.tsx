import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { BellIcon } from '../../../app/shellIcons';
import { inboxApi, inboxKeys } from '../notices.api';

/** The header's bell: the unread count of the user's inbox, a link to it (antd's small Badge, in CSS). */
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
      <span className="nx-bell">
        <BellIcon />
        {count > 0 && <sup className="nx-bell-count">{count > 99 ? '99+' : count}</sup>}
      </span>
    </Link>
  );
}
