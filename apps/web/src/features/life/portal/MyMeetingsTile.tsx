import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PortalList } from '../../../components/PortalList';
import { Empty } from '../../../components/plain/Empty';
import { Flex } from '../../../components/plain/Flex';
import { Tag } from '../../../components/plain/Tag';
import { Text } from '../../../components/plain/Text';
import { QueryPortalCard } from '../../../components/QueryPortalCard';
import { useFormatters } from '../../../lib/useFormatters';
import { meetingKeys, meetingsApi } from '../life.api';

const SHOWN = 3;

/** The portal's card: the next meetings I am expected at, today's marked, and how to sign in. */
export function MyMeetingsTile() {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const mine = useQuery({ queryKey: meetingKeys.mine, queryFn: () => meetingsApi.mine() });
  const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
  return (
    <QueryPortalCard query={mine} title={t('portal.meetings.title')} to="/my-meetings">
      {(data) =>
        data.upcoming.length === 0 ? (
          <Empty description={t('portal.meetings.none')} />
        ) : (
          <PortalList
            items={data.upcoming.slice(0, SHOWN)}
            rowKey={(m) => m.id}
            render={(m) => {
              const isToday =
                new Date(m.plannedAt).toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' }) === today;
              return (
                <Flex vertical style={{ minWidth: 0 }}>
                  <Link to={`/meetings/${m.id}`}>
                    <Text strong ellipsis>
                      {m.topic}
                    </Text>
                  </Link>
                  <Text type="secondary">
                    {isToday ? <Tag color="red">{t('portal.meetings.today')}</Tag> : null}
                    {m.typeLabel} · {dateTime(m.plannedAt)}
                    {m.place ? ` · ${m.place}` : m.onlineUrl ? ` · ${t('portal.meetings.online')}` : ''}
                  </Text>
                  {isToday ? <Text type="secondary">{t('portal.meetings.signInHint')}</Text> : null}
                </Flex>
              );
            }}
          />
        )
      }
    </QueryPortalCard>
  );
}
