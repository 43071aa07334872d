import type { MyMeetingItem } from '@ningxin/shared';
import { useQuery } from '@tanstack/react-query';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { lazyAnt } from '../../../app/lazyAnt';
import { PageSpinner } from '../../../components/PageSpinner';
import { Alert } from '../../../components/plain/Alert';
import { Empty } from '../../../components/plain/Empty';
import { Flex } from '../../../components/plain/Flex';
import { Text } from '../../../components/plain/Text';
import { useFormatters } from '../../../lib/useFormatters';
import { AttendanceTag, MeetingStateTag } from '../components/meetingTags';
import { meetingKeys, meetingsApi } from '../life.api';
import './myMeetings.css';

// Rarely shown: antd's Result loads only when the list failed to load.
const LoadError = lazyAnt(() => import('../../../components/LoadError'), 'LoadError');

type TabKey = 'upcoming' | 'past';

/**
 * 我的会议 (phone first): the meetings I am expected at, and past ones with my attendance. Plain
 * elements in antd's look (Tabs, small Cards, an info Alert): the page loads no antd.
 */
export function MyMeetingsPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<TabKey>('upcoming');
  const mine = useQuery({ queryKey: meetingKeys.mine, queryFn: () => meetingsApi.mine() });
  if (mine.isError)
    return (
      <Suspense fallback={null}>
        <LoadError error={mine.error} onRetry={() => void mine.refetch()} />
      </Suspense>
    );
  const tabs: { key: TabKey; label: string; items: MyMeetingItem[] | undefined; empty: string }[] = [
    {
      key: 'upcoming',
      label: t('life.mine.upcoming'),
      items: mine.data?.upcoming,
      empty: t('life.mine.noUpcoming'),
    },
    { key: 'past', label: t('life.mine.past'), items: mine.data?.past, empty: t('life.mine.noPast') },
  ];
  const shown = tabs.find((x) => x.key === tab) ?? tabs[0]!;
  return (
    <div className="nx-page nx-my-meetings">
      <h2 className="nx-plain-title">{t('life.mine.title')}</h2>
      <Alert type="info">{t('life.mine.signInHint')}</Alert>
      <div className="nx-tabs" role="tablist">
        {tabs.map((x) => (
          <button
            key={x.key}
            type="button"
            role="tab"
            id={`my-meetings-tab-${x.key}`}
            aria-selected={x.key === tab}
            className={x.key === tab ? 'nx-tab nx-tab-active' : 'nx-tab'}
            onClick={() => setTab(x.key)}
          >
            {x.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-labelledby={`my-meetings-tab-${shown.key}`}>
        {!shown.items ? (
          <PageSpinner />
        ) : shown.items.length === 0 ? (
          <Empty description={shown.empty} />
        ) : (
          <ul className="nx-my-meetings-list">
            {shown.items.map((m) => (
              <MeetingCard key={m.id} m={m} />
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

function MeetingCard({ m }: { m: MyMeetingItem }) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  return (
    <li className="nx-my-meeting">
      <Flex vertical gap={4}>
        <Link to={`/meetings/${m.id}`}>
          <Text strong>{m.topic}</Text>
        </Link>
        <Text type="secondary">
          {m.typeLabel} · {dateTime(m.heldAt ?? m.plannedAt)}
        </Text>
        {m.place ? <Text type="secondary">{m.place}</Text> : null}
        <Flex wrap gap={8} align="center">
          <MeetingStateTag state={m.state} label={m.stateLabel} />
          <AttendanceTag status={m.mine.status} label={m.mine.statusLabel} />
          {m.mine.leaveState ? <span>{t(`life.attendance.leaveStates.${m.mine.leaveState}`)}</span> : null}
          {m.canRequestLeave ? <Link to={`/meetings/${m.id}`}>{t('life.detail.requestLeave')}</Link> : null}
        </Flex>
      </Flex>
    </li>
  );
}
