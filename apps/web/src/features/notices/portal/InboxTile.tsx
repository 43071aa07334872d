import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PortalList } from '../../../components/PortalList';
import { Badge } from '../../../components/plain/Badge';
import { Empty } from '../../../components/plain/Empty';
import { Text } from '../../../components/plain/Text';
import { QueryPortalCard } from '../../../components/QueryPortalCard';
import { useFormatters } from '../../../lib/useFormatters';
import { inboxApi, inboxKeys } from '../notices.api';

const SHOWN = 3;

/** The portal's card: the newest messages (notices, reminders) and how many are unread. */
export function InboxTile() {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const inbox = useQuery({
    queryKey: [...inboxKeys.list(false), 'portal'],
    queryFn: () => inboxApi.list(false, undefined),
  });
  const title = (
    <>
      {t('portal.inbox.title')}{' '}
      {inbox.data?.unread ? (
        <Badge count={inbox.data.unread} title={t('portal.inbox.unread', { count: inbox.data.unread })} />
      ) : null}
    </>
  );
  return (
    <QueryPortalCard query={inbox} title={title} to="/inbox">
      {(data) =>
        data.items.length === 0 ? (
          <Empty description={t('portal.inbox.none')} />
        ) : (
          <PortalList
            items={data.items.slice(0, SHOWN)}
            rowKey={(item) => item.id}
            render={(item) => (
              <div style={{ minWidth: 0 }}>
                <Text strong={!item.readAt} ellipsis style={{ display: 'block' }}>
                  {item.link ? <Link to={item.link}>{item.title}</Link> : item.title}
                </Text>
                <Text type="secondary">
                  {item.kindLabel} · {dateTime(item.createdAt)}
                </Text>
              </div>
            )}
          />
        )
      }
    </QueryPortalCard>
  );
}
