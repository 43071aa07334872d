import type { JobRunResponse } from '@ningxin/shared';
import { Flex, Grid, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/useFormatters';
import { JobOutcomeTag } from './JobOutcomeTag';
import { JobRunError } from './JobRunError';

/** How long a run took, in seconds (one decimal under 10 s); null while it runs. */
function duration(run: JobRunResponse): number | null {
  if (!run.finishedAt) return null;
  const s = (new Date(run.finishedAt).getTime() - new Date(run.startedAt).getTime()) / 1000;
  return s < 10 ? Math.round(s * 10) / 10 : Math.round(s);
}

/** The runs of one job, newest first; failed runs in red with their reason. */
export function JobRunsTable({ runs, loading }: { runs: JobRunResponse[]; loading: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const compact = !Grid.useBreakpoint().md;

  const took = (r: JobRunResponse) => {
    const s = duration(r);
    return s === null ? '—' : t('jobs.seconds', { s });
  };
  const slot = (r: JobRunResponse) => (
    <>
      {fmt.dateTime(r.slot)}
      {r.attempt > 1 && (
        <Typography.Text type="secondary" style={{ marginInlineStart: 6 }}>
          {t('jobs.attemptN', { n: r.attempt })}
        </Typography.Text>
      )}
    </>
  );

  const stacked: TableColumnsType<JobRunResponse> = [
    {
      key: 'run',
      title: t('jobs.runs'),
      render: (_, r) => (
        <Flex vertical gap={4}>
          <Space size={8} wrap>
            <JobOutcomeTag outcome={r.outcome} />
            <span>{fmt.dateTime(r.startedAt)}</span>
            <Typography.Text type="secondary">{took(r)}</Typography.Text>
            {r.rows !== null && (
              <Typography.Text type="secondary">{t('jobs.rowsN', { rows: r.rows })}</Typography.Text>
            )}
          </Space>
          {r.attempt > 1 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('jobs.retryOf', { time: fmt.dateTime(r.slot), n: r.attempt })}
            </Typography.Text>
          )}
          <JobRunError run={r} />
        </Flex>
      ),
    },
  ];
  const columns: TableColumnsType<JobRunResponse> = compact
    ? stacked
    : [
        { title: t('jobs.outcome'), key: 'outcome', render: (_, r) => <JobOutcomeTag outcome={r.outcome} /> },
        { title: t('jobs.startedAt'), key: 'started', render: (_, r) => fmt.dateTime(r.startedAt) },
        { title: t('jobs.duration'), key: 'duration', render: (_, r) => took(r) },
        { title: t('jobs.rows'), key: 'rows', render: (_, r) => r.rows ?? '—' },
        { title: t('jobs.slot'), key: 'slot', render: (_, r) => slot(r) },
        { title: t('jobs.error'), key: 'error', width: 360, render: (_, r) => <JobRunError run={r} /> },
        {
          title: t('jobs.instance'),
          key: 'instance',
          render: (_, r) => <Typography.Text type="secondary">{r.instance}</Typography.Text>,
        },
      ];
  return (
    <Table<JobRunResponse>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={runs}
      loading={loading}
      pagination={false}
      scroll={compact ? undefined : { x: 'max-content' }}
      locale={{ emptyText: t('jobs.empty') }}
      rowClassName={(r) => (r.outcome === 'failed' ? 'nx-job-failed' : '')}
    />
  );
}
