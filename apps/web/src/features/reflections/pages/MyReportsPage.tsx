import { EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { LoadError } from '../../../components/LoadError';
import { PageSpinner } from '../../../components/PageSpinner';
import { useFormatters } from '../../../lib/useFormatters';
import { ReportFormDrawer } from '../components/ReportFormDrawer';
import { REPORT_COLORS } from '../reflectionColors';
import { reportKeys, reportsApi } from '../reflections.api';

/** 我的思想汇报 (phone first): whether this year's report is owed, my reports and the secretary's comment. */
export function MyReportsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { date } = useFormatters();
  const [writing, setWriting] = useState(false);
  const mine = useQuery({ queryKey: reportKeys.mine, queryFn: reportsApi.mine });
  if (mine.isPending) return <PageSpinner />;
  if (mine.isError) return <LoadError error={mine.error} onRetry={() => void mine.refetch()} />;
  const { year, owed, items } = mine.data;
  return (
    <Flex vertical gap={12} className="nx-page" data-testid="my-reports">
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
          {t('reflections.reports.mine')}
        </Typography.Title>
        <Button type="primary" icon={<EditOutlined aria-hidden />} onClick={() => setWriting(true)}>
          {t('reflections.reports.write')}
        </Button>
      </Flex>
      <Alert
        type={owed ? 'warning' : 'success'}
        showIcon
        title={owed ? t('reflections.reports.owed', { year }) : t('reflections.reports.done', { year })}
      />
      <Card size="small">
        <List
          dataSource={items}
          locale={{
            emptyText: (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reflections.reports.empty')} />
            ),
          }}
          renderItem={(r) => (
            <List.Item aria-label={r.title}>
              <List.Item.Meta
                title={
                  <Flex justify="space-between" gap={8}>
                    <Link to={`/reports/${r.id}`}>{r.title}</Link>
                    <Tag color={REPORT_COLORS[r.state]}>{r.stateLabel}</Tag>
                  </Flex>
                }
                description={
                  <Typography.Text type="secondary" style={{ whiteSpace: 'pre-line' }}>
                    {`${t('reflections.reports.yearOf', { year: r.year })} · ${r.kindLabel} · ${date(r.submittedAt)}`}
                    {r.ackComment ? `\n${t('reflections.reports.ackComment')}：${r.ackComment}` : ''}
                  </Typography.Text>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      <ReportFormDrawer
        open={writing}
        onClose={() => setWriting(false)}
        onSaved={(r) => navigate(`/reports/${r.id}`)}
      />
    </Flex>
  );
}
