import { DownloadOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { FEEDBACK_RUN_STATE_LABELS, type FeedbackRun } from '@ningxin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Flex, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../components/LoadError';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { useFormatters } from '../../../lib/useFormatters';
import { useCurrentUser } from '../../auth/useMe';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { annualReportUrl, feedbackWorkbookUrl, inProgress, reportsApi, reportsKeys } from '../reports.api';
import { CountyPdfs } from './CountyPdfs';

const thisYear = new Date().getFullYear();
const YEARS = Array.from({ length: 6 }, (_, i) => thisYear - i);
const STATE_COLORS: Record<FeedbackRun['state'], string> = {
  queued: 'default',
  running: 'processing',
  done: 'success',
  failed: 'error',
};

function YearSelect({ value, onChange }: { value: number; onChange: (y: number) => void }) {
  const { t } = useTranslation();
  return (
    <Select<number>
      aria-label={t('reports.year')}
      value={value}
      onChange={onChange}
      options={YEARS.map((y) => ({ value: y, label: t('reports.feedback.yearOf', { year: y }) }))}
      style={{ width: 120 }}
    />
  );
}

/** 年度党内统计报表: a year and, optionally, an org; the download is the server's workbook. */
function AnnualCard() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [year, setYear] = useState(thisYear - 1);
  const [orgId, setOrgId] = useState<number | undefined>();
  const orgs = me.permissions.includes('org.read');
  return (
    <Card title={t('reports.annual.title')}>
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('reports.annual.help')}
        </Typography.Paragraph>
        <Flex gap={8} wrap align="center">
          <YearSelect value={year} onChange={setYear} />
          {orgs && (
            <OrgTreeSelect
              aria-label={t('reports.annual.org')}
              placeholder={t('reports.annual.allScope')}
              value={orgId}
              onChange={(v) => setOrgId(v ?? undefined)}
              style={{ width: 280 }}
            />
          )}
          <Button type="primary" icon={<DownloadOutlined aria-hidden />} href={annualReportUrl(year, orgId)}>
            {t('reports.annual.download')}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}

/** One run's progress: counties and members done, a bar, and the download once done. */
function RunProgress({ run }: { run: FeedbackRun }) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const percent =
    run.state === 'done'
      ? 100
      : run.membersTotal > 0
        ? Math.floor(((run.membersDone + run.pdfMembersDone) / (2 * run.membersTotal)) * 100)
        : Math.floor((run.countiesDone / Math.max(1, run.countiesTotal)) * 100);
  return (
    <Flex vertical gap={8} aria-live="polite">
      <Space wrap size={[12, 4]}>
        <Typography.Text strong>{t('reports.feedback.yearOf', { year: run.year })}</Typography.Text>
        <Tag color={STATE_COLORS[run.state]}>{FEEDBACK_RUN_STATE_LABELS[run.state]}</Tag>
        <Typography.Text>
          {t('reports.feedback.counties', { done: run.countiesDone, total: run.countiesTotal })}
        </Typography.Text>
        <Typography.Text>
          {t('reports.feedback.members', {
            done: run.membersDone.toLocaleString('zh-CN'),
            total: run.membersTotal.toLocaleString('zh-CN'),
          })}
        </Typography.Text>
        <Typography.Text>
          {t('reports.feedback.pdfs', {
            done: run.pdfMembersDone.toLocaleString('zh-CN'),
            total: run.membersTotal.toLocaleString('zh-CN'),
          })}
        </Typography.Text>
        <Typography.Text type="secondary">
          {t('reports.feedback.startedAt', { time: dateTime(run.startedAt) })}
        </Typography.Text>
      </Space>
      <Progress
        percent={percent}
        status={run.state === 'failed' ? 'exception' : run.state === 'done' ? 'success' : 'active'}
      />
      {run.error && <Typography.Text type="danger">{run.error}</Typography.Text>}
      {run.state === 'done' && (
        <div>
          <Button type="primary" icon={<DownloadOutlined aria-hidden />} href={feedbackWorkbookUrl(run.id)}>
            {t('reports.feedback.download')}
          </Button>
        </div>
      )}
    </Flex>
  );
}

/** 全委现实表现反馈汇总表: start a run, follow its progress (polled every second), download it. */
function FeedbackCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const { dateTime } = useFormatters();
  const [year, setYear] = useState(thisYear - 1);
  const runs = useQuery({
    queryKey: reportsKeys.runs,
    queryFn: reportsApi.runs,
    refetchInterval: (q) => (q.state.data?.items.some(inProgress) ? 1000 : false),
  });
  const start = useMutation({
    mutationFn: () => reportsApi.startRun(year),
    onSuccess: (run) => {
      message.success(t('reports.feedback.started'));
      // Shown at once (the polling starts from it), then read back.
      queryClient.setQueryData<{ items: FeedbackRun[] }>(reportsKeys.runs, (old) => ({
        items: [run, ...(old?.items ?? [])],
      }));
      void queryClient.invalidateQueries({ queryKey: reportsKeys.runs });
    },
    onError,
  });
  const items = runs.data?.items ?? [];
  const [latest, ...older] = items;
  const busy = items.some(inProgress);
  return (
    <Card title={t('reports.feedback.title')}>
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('reports.feedback.help')}
        </Typography.Paragraph>
        <Flex gap={8} wrap align="center">
          <YearSelect value={year} onChange={setYear} />
          <Button
            type="primary"
            icon={<PlayCircleOutlined aria-hidden />}
            loading={start.isPending}
            disabled={busy}
            onClick={() => start.mutate()}
          >
            {t('reports.feedback.start')}
          </Button>
        </Flex>
        {runs.isError ? (
          <LoadError error={runs.error} onRetry={() => runs.refetch()} />
        ) : latest ? (
          <>
            <RunProgress run={latest} />
            {/* Outside the live region: its rows change with each poll. */}
            <CountyPdfs run={latest} />
          </>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.feedback.none')} />
        )}
        {older.length > 0 && (
          <Table<FeedbackRun>
            size="small"
            rowKey="id"
            pagination={false}
            title={() => t('reports.feedback.recent')}
            dataSource={older}
            columns={[
              { key: 'year', title: t('reports.year'), render: (_, r) => r.year, width: 90 },
              {
                key: 'state',
                title: t('reports.feedback.state'),
                render: (_, r) => (
                  <Tag color={STATE_COLORS[r.state]}>{FEEDBACK_RUN_STATE_LABELS[r.state]}</Tag>
                ),
                width: 100,
              },
              {
                key: 'members',
                title: t('reports.feedback.membersCol'),
                align: 'right',
                render: (_, r) => r.membersDone.toLocaleString('zh-CN'),
                width: 100,
              },
              {
                key: 'startedAt',
                title: t('reports.feedback.startedCol'),
                render: (_, r) => dateTime(r.startedAt),
              },
              {
                key: 'download',
                title: '',
                align: 'right',
                render: (_, r) =>
                  r.state === 'done' ? (
                    <Button
                      size="small"
                      icon={<DownloadOutlined aria-hidden />}
                      href={feedbackWorkbookUrl(r.id)}
                    >
                      {t('reports.feedback.download')}
                    </Button>
                  ) : null,
              },
            ]}
          />
        )}
      </Flex>
    </Card>
  );
}

/** 统计报表: the annual statistical report and, for who may read the feedback, the committee-wide workbook. */
export function ReportsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  return (
    <Flex vertical gap={16} className="nx-page">
      <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
        {t('reports.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('reports.help')}</Typography.Text>
      <AnnualCard />
      {me.permissions.includes('feedback.read') && <FeedbackCard />}
    </Flex>
  );
}
