import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { LoadError } from '../../../components/LoadError';
import { PageSpinner } from '../../../components/PageSpinner';
import { RecordFiles } from '../../files/components/RecordFiles';
import { AttendanceTable } from '../components/AttendanceTable';
import { MeetingActions } from '../components/MeetingActions';
import { MeetingAmendments } from '../components/MeetingAmendments';
import { MeetingCountsCard } from '../components/MeetingCountsCard';
import { MeetingFacts } from '../components/MeetingFacts';
import { MeetingMinutes } from '../components/MeetingMinutes';
import { MeetingSignInCode } from '../components/MeetingSignInCode';
import { MyAttendance } from '../components/MyAttendance';
import { MeetingStateTag } from '../components/meetingTags';
import { meetingKeys, meetingsApi } from '../life.api';

/** A meeting: its facts, counts, minutes, attendance, QR and the steps the user may take. */
export function MeetingPage() {
  const { id: raw } = useParams();
  const id = Number(raw);
  const { t } = useTranslation();
  const meeting = useQuery({ queryKey: meetingKeys.detail(id), queryFn: () => meetingsApi.get(id) });
  if (meeting.isPending) return <PageSpinner />;
  if (meeting.isError) return <LoadError error={meeting.error} onRetry={() => void meeting.refetch()} />;
  const m = meeting.data;
  const manager = m.policies.signInCode || m.policies.amend || m.policies.update;
  return (
    <Flex vertical gap={16} className="nx-page">
      <Link to={manager ? '/meetings' : '/my-meetings'}>
        <ArrowLeftOutlined aria-hidden /> {manager ? t('life.detail.back') : t('life.mine.title')}
      </Link>
      <Flex justify="space-between" align="start" wrap gap={8}>
        <Flex vertical gap={4}>
          <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
            {m.topic}
          </Typography.Title>
          <Space wrap>
            <MeetingStateTag state={m.state} label={m.stateLabel} />
            <Typography.Text type="secondary">
              {m.typeLabel} · {m.org.name}
            </Typography.Text>
          </Space>
        </Flex>
        <MeetingActions meeting={m} />
      </Flex>
      <MeetingCountsCard meeting={m} />
      {m.mine ? <MyAttendance meeting={m} /> : null}
      <MeetingFacts meeting={m} />
      {m.policies.signInCode ? <MeetingSignInCode meeting={m} /> : null}
      <MeetingMinutes meeting={m} />
      {m.amendments.length ? <MeetingAmendments meeting={m} /> : null}
      {manager ? (
        <Card size="small" title={t('life.attendance.title')}>
          <AttendanceTable meeting={m} />
        </Card>
      ) : null}
      {manager ? (
        <Card size="small" title={t('life.detail.files')}>
          <RecordFiles owner={{ ownerType: 'meeting', ownerId: m.id }} purposes={['photo', 'attachment']} />
        </Card>
      ) : null}
    </Flex>
  );
}
