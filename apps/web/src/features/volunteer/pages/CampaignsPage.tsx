import { PlusOutlined } from '@ant-design/icons';
import {
  VOLUNTEER_CAMPAIGN_STATE_LABELS,
  VOLUNTEER_CAMPAIGN_STATES,
  type VolunteerCampaignResponse,
  type VolunteerCampaignState,
} from '@ningxin/shared';
import { Button, Flex, Input, Select, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { KeysetPager } from '../../../components/KeysetPager';
import { LoadError } from '../../../components/LoadError';
import { useKeysetPages } from '../../../lib/useKeysetPages';
import { hasPermission } from '../../auth/auth.api';
import { useMe } from '../../auth/useMe';
import { CampaignDrawer } from '../components/CampaignDrawer';
import { type CampaignFilters, volunteerApi, volunteerKeys } from '../volunteer.api';

export const CAMPAIGN_STATE_COLORS: Record<VolunteerCampaignState, string> = {
  draft: 'default',
  open: 'green',
  finished: 'blue',
  cancelled: 'red',
};

/** 志愿服务活动: the campaigns the user may see, by state and title; create. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const [filters, setFilters] = useState<CampaignFilters>({});
  const [creating, setCreating] = useState(false);
  const list = useKeysetPages(volunteerKeys.list(filters), (cursor, signal) =>
    volunteerApi.list(filters, cursor, signal),
  );
  const columns: TableColumnsType<VolunteerCampaignResponse> = [
    {
      title: t('volunteer.col.title'),
      render: (_, r) => <Link to={`/volunteer/campaigns/${r.id}`}>{r.title}</Link>,
    },
    { title: t('volunteer.col.org'), responsive: ['lg'], render: (_, r) => r.org.name },
    { title: t('volunteer.col.partner'), responsive: ['md'], render: (_, r) => r.partnerName ?? '—' },
    { title: t('volunteer.col.dates'), width: 200, render: (_, r) => `${r.startsOn} ~ ${r.endsOn}` },
    {
      title: t('volunteer.col.counts'),
      width: 200,
      render: (_, r) =>
        t('volunteer.counts', {
          posts: r.counts.posts,
          shifts: r.counts.shifts,
          volunteers: r.counts.volunteers,
        }),
    },
    {
      title: t('volunteer.col.state'),
      width: 90,
      render: (_, r) => <Tag color={CAMPAIGN_STATE_COLORS[r.state]}>{r.stateLabel}</Tag>,
    },
  ];
  return (
    <Flex vertical gap={16} className="nx-page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
          {t('volunteer.title')}
        </Typography.Title>
        {hasPermission(me.data, 'volunteer.manage') ? (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('volunteer.create')}
          </Button>
        ) : null}
      </Flex>
      <Flex gap={8} wrap>
        <Select<VolunteerCampaignState | ''>
          aria-label={t('volunteer.col.state')}
          style={{ minWidth: 130 }}
          value={filters.state ?? ''}
          onChange={(v) => setFilters({ ...filters, state: v || undefined })}
          options={[
            { value: '', label: t('volunteer.allStates') },
            ...VOLUNTEER_CAMPAIGN_STATES.map((s) => ({
              value: s,
              label: VOLUNTEER_CAMPAIGN_STATE_LABELS[s],
            })),
          ]}
        />
        <Input.Search
          allowClear
          style={{ maxWidth: 260 }}
          placeholder={t('volunteer.search')}
          onSearch={(q) => setFilters({ ...filters, q: q.trim() || undefined })}
        />
      </Flex>
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <Table<VolunteerCampaignResponse>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isPending}
            pagination={false}
            scroll={{ x: 'max-content' }}
          />
          <KeysetPager
            totalText={undefined}
            page={list.page}
            hasPrev={list.hasPrev}
            hasNext={list.hasNext}
            loading={list.isFetching}
            onPrev={list.prev}
            onNext={list.next}
          />
        </>
      )}
      <CampaignDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(c) => navigate(`/volunteer/campaigns/${c.id}`)}
      />
    </Flex>
  );
}
