import { PlusOutlined } from '@ant-design/icons';
import {
  MEETING_STATE_LABELS,
  MEETING_STATES,
  MEETING_TYPE_LABELS,
  MEETING_TYPES,
  type MeetingListItem,
  type MeetingState,
  type MeetingType,
} from '@ningxin/shared';
import { Button, Flex, Input, Select, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { PagedRecords } from '../../../components/PagedRecords';
import { useFormatters } from '../../../lib/useFormatters';
import { useKeysetPages } from '../../../lib/useKeysetPages';
import { useCurrentUser } from '../../auth/useMe';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { MeetingFormDrawer } from '../components/MeetingFormDrawer';
import { MeetingStateTag } from '../components/meetingTags';
import { type MeetingFilters, meetingKeys, meetingsApi } from '../life.api';

/** 会议活动: the meetings of the user's subtree, filtered by org, type, state and month. */
export function MeetingsPage() {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const canWrite = me.permissions.includes('meeting.write');
  const [filters, setFilters] = useState<MeetingFilters>({});
  const [creating, setCreating] = useState(false);
  const list = useKeysetPages(meetingKeys.list(filters), (cursor, signal) =>
    meetingsApi.list(filters, cursor, signal),
  );
  const setFilter = (patch: Partial<MeetingFilters>) => setFilters({ ...filters, ...patch });
  const attendance = (m: MeetingListItem) => `${m.counts.attended} / ${m.counts.due}`;

  const columns: TableColumnsType<MeetingListItem> = [
    {
      title: t('life.meetings.col.time'),
      width: 170,
      render: (_, m) => dateTime(m.heldAt ?? m.plannedAt),
    },
    {
      title: t('life.meetings.col.topic'),
      render: (_, m) => (
        <Flex vertical gap={0}>
          <Link to={`/meetings/${m.id}`}>{m.topic}</Link>
          <Typography.Text type="secondary">{m.typeLabel}</Typography.Text>
        </Flex>
      ),
    },
    { title: t('life.meetings.col.org'), responsive: ['lg'], render: (_, m) => m.org.name },
    { title: t('life.meetings.col.attendance'), width: 130, render: (_, m) => attendance(m) },
    {
      title: t('life.meetings.col.state'),
      width: 90,
      render: (_, m) => <MeetingStateTag state={m.state} label={m.stateLabel} />,
    },
  ];

  return (
    <Flex vertical gap={16} className="nx-page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
          {t('life.meetings.title')}
        </Typography.Title>
        {canWrite ? (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('life.meetings.create')}
          </Button>
        ) : null}
      </Flex>
      <Flex gap={8} wrap>
        <OrgTreeSelect
          aria-label={t('life.meetings.org')}
          placeholder={t('life.meetings.org')}
          style={{ minWidth: 220 }}
          value={filters.orgId}
          onChange={(v) => setFilter({ orgId: v ?? undefined })}
        />
        <Select<MeetingType | ''>
          aria-label={t('life.meetings.col.type')}
          style={{ minWidth: 140 }}
          value={filters.type ?? ''}
          onChange={(v) => setFilter({ type: v || undefined })}
          options={[
            { value: '', label: t('life.meetings.allTypes') },
            ...MEETING_TYPES.map((v) => ({ value: v, label: MEETING_TYPE_LABELS[v] })),
          ]}
        />
        <Select<MeetingState | ''>
          aria-label={t('life.meetings.col.state')}
          style={{ minWidth: 120 }}
          value={filters.state ?? ''}
          onChange={(v) => setFilter({ state: v || undefined })}
          options={[
            { value: '', label: t('life.meetings.allStates') },
            ...MEETING_STATES.map((v) => ({ value: v, label: MEETING_STATE_LABELS[v] })),
          ]}
        />
        <Input
          type="month"
          aria-label={t('life.meetings.month')}
          style={{ width: 160 }}
          value={filters.month ?? ''}
          onChange={(e) => setFilter({ month: e.target.value || undefined })}
        />
      </Flex>
      <PagedRecords
        list={list}
        columns={columns}
        empty={t('life.meetings.empty')}
        card={(m) => ({
          title: <Link to={`/meetings/${m.id}`}>{m.topic}</Link>,
          tag: <MeetingStateTag state={m.state} label={m.stateLabel} />,
          lines: [
            `${m.typeLabel} · ${dateTime(m.heldAt ?? m.plannedAt)}`,
            m.org.name,
            `${t('life.meetings.col.attendance')}：${attendance(m)}`,
          ],
          actions: (
            <Button size="small" onClick={() => navigate(`/meetings/${m.id}`)}>
              {t('life.mine.open')}
            </Button>
          ),
        })}
      />
      <MeetingFormDrawer open={creating} onClose={() => setCreating(false)} />
    </Flex>
  );
}
