import type { JobResponse } from '@ningxin/shared';
import { Button, Flex, Grid, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/useFormatters';
import { JobOutcomeTag } from './JobOutcomeTag';
import { JobRunError } from './JobRunError';
import { RunNowButton } from './RunNowButton';

interface JobsTableProps {
  jobs: JobResponse[];
  loading: boolean;
  onShowRuns: (name: string) => void;
}

/** Every job: what it is, when it runs next, how its last run ended (a failure in red, with why). */
export function JobsTable({ jobs, loading, onShowRuns }: JobsTableProps) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const compact = !Grid.useBreakpoint().md;

  const name = (j: JobResponse) => (
    <Flex vertical align="flex-start">
      <Typography.Text strong>{j.label}</Typography.Text>
      <Typography.Text type="secondary" code style={{ fontSize: 12 }}>
        {j.name}
      </Typography.Text>
    </Flex>
  );
  const lastRun = (j: JobResponse) =>
    j.lastRun ? (
      <Flex vertical gap={4}>
        <Space size={8} wrap>
          <JobOutcomeTag outcome={j.lastRun.outcome} />
          <span>{fmt.dateTime(j.lastRun.startedAt)}</span>
          {j.lastRun.rows !== null && (
            <Typography.Text type="secondary">{t('jobs.rowsN', { rows: j.lastRun.rows })}</Typography.Text>
          )}
        </Space>
        <JobRunError run={j.lastRun} />
      </Flex>
    ) : (
      <Typography.Text type="secondary">{t('jobs.never')}</Typography.Text>
    );
  const actions = (j: JobResponse) => (
    <Space size={4} wrap>
      <Button size="small" onClick={() => onShowRuns(j.name)}>
        {t('jobs.showRuns')}
      </Button>
      <RunNowButton job={j} />
    </Space>
  );

  // On a phone one column holds the whole job, so nothing is pushed off the screen.
  const stacked: TableColumnsType<JobResponse> = [
    {
      key: 'job',
      title: t('jobs.job'),
      render: (_, j) => (
        <Flex vertical gap={6}>
          {name(j)}
          <Typography.Text type="secondary">
            {t('jobs.nextRunAt', { time: fmt.dateTime(j.nextRunAt) })}{' '}
            <Typography.Text code>{j.schedule}</Typography.Text>
          </Typography.Text>
          {lastRun(j)}
          {actions(j)}
        </Flex>
      ),
    },
  ];
  const columns: TableColumnsType<JobResponse> = compact
    ? stacked
    : [
        { title: t('jobs.job'), key: 'job', render: (_, j) => name(j) },
        {
          title: t('jobs.schedule'),
          key: 'schedule',
          render: (_, j) => <Typography.Text code>{j.schedule}</Typography.Text>,
        },
        { title: t('jobs.nextRun'), key: 'next', render: (_, j) => fmt.dateTime(j.nextRunAt) },
        { title: t('jobs.lastRun'), key: 'last', width: 320, render: (_, j) => lastRun(j) },
        { title: t('common.actions'), key: 'actions', render: (_, j) => actions(j) },
      ];
  return (
    <Table<JobResponse>
      rowKey="name"
      size="small"
      columns={columns}
      dataSource={jobs}
      loading={loading}
      pagination={false}
      scroll={compact ? undefined : { x: 'max-content' }}
      rowClassName={(j) => (j.lastRun?.outcome === 'failed' ? 'nx-job-failed' : '')}
    />
  );
}
