import type { MyMeetingItem } from '@ningxin/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Flex, Space, Spin, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LoadError } from '../../../components/LoadError';
import { useFormatters } from '../../../lib/useFormatters';
import { AttendanceTag, MeetingStateTag } from '../components/meetingTags';
import { meetingKeys, meetingsApi } from '../life.api';

/** 我的会议 (phone first): the meetings I am expected at, and past ones with my attendance. */
export function MyMeetingsPage() {
  const { t } = useTranslation();
  const mine = useQuery({ queryKey: meetingKeys.mine, queryFn: () => meetingsApi.mine() });
  if (mine.isError) return <LoadError error={mine.error} onRetry={() => void mine.refetch()} />;
  const list = (items: MyMeetingItem[] | undefined, empty: string) =>
    !items ? (
      <Spin style={{ display: 'block', margin: 24 }} />
    ) : items.length === 0 ? (
      <Empty description={empty} />
    ) : (
      <Flex vertical gap={8} role="list">
        {items.map((m) => (
          <MeetingCard key={m.id} m={m} />
        ))}
      </Flex>
    );
  return (
    <Flex vertical gap={12} className="nx-page">
      <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
        {t('life.mine.title')}
      </Typography.Title>
      <Alert type="info" showIcon title={t('life.mine.signInHint')} />
      <Tabs
        items={[
          {
            key: 'upcoming',
            label: t('life.mine.upcoming'),
            children: list(mine.data?.upcoming, t('life.mine.noUpcoming')),
          },
          { key: 'past', label: t('life.mine.past'), children: list(mine.data?.past, t('life.mine.noPast')) },
        ]}
      />
    </Flex>
  );
}

function MeetingCard({ m }: { m: MyMeetingItem }) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  return (
    <Card size="small" role="listitem">
      <Flex vertical gap={4}>
        <Link to={`/meetings/${m.id}`}>
          <Typography.Text strong>{m.topic}</Typography.Text>
        </Link>
        <Typography.Text type="secondary">
          {m.typeLabel} · {dateTime(m.heldAt ?? m.plannedAt)}
        </Typography.Text>
        {m.place ? <Typography.Text type="secondary">{m.place}</Typography.Text> : null}
        <Space wrap>
          <MeetingStateTag state={m.state} label={m.stateLabel} />
          <AttendanceTag status={m.mine.status} label={m.mine.statusLabel} />
          {m.mine.leaveState ? <span>{t(`life.attendance.leaveStates.${m.mine.leaveState}`)}</span> : null}
          {m.canRequestLeave ? <Link to={`/meetings/${m.id}`}>{t('life.detail.requestLeave')}</Link> : null}
        </Space>
      </Flex>
    </Card>
  );
}
