import { Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../components/LoadError';
import { JobRunsTable } from '../components/JobRunsTable';
import { JobsTable } from '../components/JobsTable';
import { useJobRuns, useJobs } from '../useJobs';

/** 定时任务: the system admin sees every job, its runs, and runs one now. */
export function JobsPage() {
  const { t } = useTranslation();
  const jobs = useJobs();
  const [selected, setSelected] = useState<string | null>(null);
  const runs = useJobRuns(selected);
  const job = jobs.data?.items.find((j) => j.name === selected);
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
        {t('jobs.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('jobs.intro')}
      </Typography.Paragraph>
      <Card size="small">
        {jobs.isError && !jobs.data ? (
          <LoadError error={jobs.error} onRetry={() => void jobs.refetch()} />
        ) : (
          <JobsTable
            jobs={jobs.data?.items ?? []}
            loading={jobs.isPending}
            onShowRuns={(name) => setSelected(name === selected ? null : name)}
          />
        )}
      </Card>
      {selected && (
        <Card
          size="small"
          title={t('jobs.runsOf', { label: job?.label ?? selected })}
          extra={
            <Button size="small" type="link" onClick={() => setSelected(null)}>
              {t('jobs.close')}
            </Button>
          }
        >
          {runs.isError && !runs.data ? (
            <LoadError error={runs.error} onRetry={() => void runs.refetch()} />
          ) : (
            <JobRunsTable runs={runs.data?.items ?? []} loading={runs.isPending} />
          )}
        </Card>
      )}
    </Flex>
  );
}
