import { useQuery } from '@tanstack/react-query';
import { Card, Col, Flex, Progress, Row, Statistic, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { LoadError } from '../../../components/LoadError';
import { PageSpinner } from '../../../components/PageSpinner';
import { CumulativeChart } from '../components/CumulativeChart';
import { findingApi, findingKeys } from '../finding.api';

/** 行动进度: the cumulative curve against the target, by district, by finder. */
export function ProgressPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const q = useQuery({ queryKey: findingKeys.progress(id), queryFn: () => findingApi.progress(id) });
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <PageSpinner />;
  const p = q.data;
  const pct = Math.min(100, Math.round((p.totals.found / p.campaign.targetCount) * 100));
  return (
    <Flex vertical gap={16}>
      <Card
        title={`${t('finding.progressTitle')} · ${p.campaign.name}`}
        extra={<Link to={`/finding/campaigns/${id}`}>{t('finding.detail')}</Link>}
      >
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}>
            <Statistic
              title={t('finding.found')}
              value={p.totals.found}
              suffix={`/ ${p.campaign.targetCount.toLocaleString()}`}
            />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('finding.open')} value={p.totals.open} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('finding.leads')} value={p.totals.leads} />
          </Col>
          <Col xs={12} md={6}>
            <Progress type="circle" percent={pct} size={72} />
          </Col>
        </Row>
        <div style={{ marginTop: 16 }}>
          <CumulativeChart daily={p.daily} target={p.campaign.targetCount} />
        </div>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('finding.byDistrict')}>
            <Table
              rowKey={(r) => r.district ?? '-'}
              size="small"
              pagination={false}
              dataSource={p.byDistrict}
              columns={[
                { key: 'name', title: t('finding.hostDistrict'), dataIndex: 'name' },
                { key: 'found', title: t('finding.found'), dataIndex: 'found' },
                { key: 'leads', title: t('finding.leads'), dataIndex: 'leads' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('finding.byFinder')}>
            <Table
              rowKey={(r) => r.finder?.id ?? 0}
              size="small"
              pagination={false}
              dataSource={p.byFinder}
              columns={[
                {
                  key: 'name',
                  title: t('finding.finder'),
                  render: (_, r) => r.finder?.name ?? t('finding.noFinder'),
                },
                { key: 'found', title: t('finding.found'), dataIndex: 'found' },
                { key: 'open', title: t('finding.open'), dataIndex: 'open' },
                { key: 'visits', title: t('finding.visits'), dataIndex: 'visits' },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
