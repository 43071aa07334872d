import {
  VOLUNTEER_HOURS_STATE_LABELS,
  VOLUNTEER_HOURS_STATES,
  type VolunteerHoursResponse,
  type VolunteerHoursState,
} from '@ningxin/shared';
import { Card, Flex, Grid, Select, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KeysetPager } from '../../../components/KeysetPager';
import { LoadError } from '../../../components/LoadError';
import { useFormatters } from '../../../lib/useFormatters';
import { useKeysetPages } from '../../../lib/useKeysetPages';
import { DecideButtons } from '../components/DecideButtons';
import { HoursReportList } from '../components/HoursReportList';
import {
  VOLUNTEER_HOURS_COLORS,
  type VolunteerHoursFilters,
  volunteerHoursApi,
  volunteerHoursKeys,
} from '../volunteer-hours.api';

/** 自主志愿服务审核 (desk): the reports of the reviewer's subtree, those awaiting review first. */
export function VolunteerHoursReviewPage() {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const { dateTime } = useFormatters();
  const [filters, setFilters] = useState<VolunteerHoursFilters>({});
  const list = useKeysetPages(volunteerHoursKeys.list(filters), (cursor, signal) =>
    volunteerHoursApi.list(filters, cursor, signal),
  );
  const columns: TableColumnsType<VolunteerHoursResponse> = [
    { title: t('volunteerHours.review.col.member'), width: 90, render: (_, r) => r.member.name },
    { title: t('volunteerHours.review.col.org'), responsive: ['lg'], render: (_, r) => r.org.name },
    { title: t('volunteerHours.review.col.servedOn'), width: 110, dataIndex: 'servedOn' },
    { title: t('volunteerHours.review.col.hours'), width: 70, align: 'right', dataIndex: 'hours' },
    {
      title: t('volunteerHours.review.col.description'),
      width: 300,
      render: (_, r) => (
        <Flex vertical>
          <span>{r.description}</span>
          {r.place ? <Typography.Text type="secondary">{r.place}</Typography.Text> : null}
          {r.state === 'rejected' && r.decisionNote ? (
            <Typography.Text type="danger">
              {t('volunteerHours.mine.reason', { reason: r.decisionNote })}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('volunteerHours.review.col.createdAt'),
      width: 160,
      responsive: ['xxl'],
      render: (_, r) => dateTime(r.createdAt),
    },
    {
      title: t('volunteerHours.review.col.state'),
      width: 90,
      render: (_, r) => <Tag color={VOLUNTEER_HOURS_COLORS[r.state]}>{r.stateLabel}</Tag>,
    },
    {
      title: t('volunteerHours.review.col.actions'),
      width: 180,
      render: (_, r) =>
        r.policies.decide ? (
          <DecideButtons r={r} />
        ) : r.decidedBy ? (
          <Typography.Text type="secondary">
            {t('volunteerHours.mine.decidedBy', { name: r.decidedBy })}
          </Typography.Text>
        ) : null,
    },
  ];
  return (
    <Flex vertical gap={16} className="nx-page" data-testid="volunteer-hours-review">
      <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
        {t('volunteerHours.review.title')}
      </Typography.Title>
      <Flex gap={8} wrap align="center">
        <Select<VolunteerHoursState | ''>
          aria-label={t('volunteerHours.review.col.state')}
          style={{ minWidth: 120 }}
          value={filters.state ?? ''}
          onChange={(v) => setFilters({ state: v || undefined })}
          options={[
            { value: '', label: t('volunteerHours.review.allStates') },
            ...VOLUNTEER_HOURS_STATES.map((s) => ({ value: s, label: VOLUNTEER_HOURS_STATE_LABELS[s] })),
          ]}
        />
      </Flex>
      <Card size="small">
        {list.isError ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Flex vertical gap={12}>
            {!screens.md ? (
              <HoursReportList
                items={list.data?.items ?? []}
                loading={list.isPending}
                empty={t('volunteerHours.review.empty')}
                showMember
                actions={(r) => <DecideButtons r={r} />}
              />
            ) : (
              <Table<VolunteerHoursResponse>
                rowKey="id"
                columns={columns}
                dataSource={list.data?.items ?? []}
                loading={list.isPending}
                pagination={false}
                size="middle"
                scroll={{ x: 'max-content' }}
                locale={{ emptyText: t('volunteerHours.review.empty') }}
              />
            )}
            <KeysetPager
              totalText={undefined}
              page={list.page}
              hasPrev={list.hasPrev}
              hasNext={list.hasNext}
              loading={list.isFetching}
              onPrev={list.prev}
              onNext={list.next}
            />
          </Flex>
        )}
      </Card>
    </Flex>
  );
}
