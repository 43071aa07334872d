import { DownloadOutlined } from '@ant-design/icons';
import type { FeedbackRun, FeedbackRunCounty } from '@ningxin/shared';
import { Button, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { feedbackCountyPdfUrl } from '../reports.api';

/**
 * The run's counties (the home city's 16), each with its feedback PDF's download once it is made.
 * A county counts as read once its sheet's rows are (`countiesDone`); its PDF follows.
 */
export function CountyPdfs({ run }: { run: FeedbackRun }) {
  const { t } = useTranslation();
  const made = (i: number) => run.state === 'done' || i < run.countiesDone;
  return (
    <Table<FeedbackRunCounty>
      size="small"
      rowKey="code"
      pagination={false}
      title={() => t('reports.feedback.countyList')}
      dataSource={run.counties}
      columns={[
        { key: 'name', title: t('reports.feedback.county'), render: (_, c) => c.name },
        {
          key: 'members',
          title: t('reports.feedback.countyMembers'),
          align: 'right',
          width: 100,
          render: (_, c, i) => (made(i) ? c.members.toLocaleString('zh-CN') : '—'),
        },
        {
          key: 'pdf',
          title: t('reports.feedback.countyPdf'),
          align: 'right',
          render: (_, c, i) =>
            c.pdfPages !== null ? (
              <Button
                size="small"
                icon={<DownloadOutlined aria-hidden />}
                href={feedbackCountyPdfUrl(run.id, c.code)}
                aria-label={`${c.name} ${t('reports.feedback.downloadPdf', { pages: c.pdfPages })}`}
              >
                {t('reports.feedback.downloadPdf', { pages: c.pdfPages })}
              </Button>
            ) : (
              <Typography.Text type="secondary">
                {run.state === 'failed'
                  ? t('reports.feedback.pdfNotMade')
                  : made(i) && c.members === 0
                    ? t('reports.feedback.noMembers')
                    : t('reports.feedback.pdfWaiting')}
              </Typography.Text>
            ),
        },
      ]}
    />
  );
}
