import { CheckOutlined, EditOutlined, PhoneOutlined } from '@ant-design/icons';
import { LEAD_SOURCE_LABELS, VISIT_METHOD_LABELS } from '@ningxin/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Empty, Flex, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { LoadError } from '../../../components/LoadError';
import { PageSpinner } from '../../../components/PageSpinner';
import { FoundDrawer } from '../components/FoundDrawer';
import { LeadStateTag } from '../components/LeadStateTag';
import { VisitDrawer } from '../components/VisitDrawer';
import { findingApi, findingKeys } from '../finding.api';
import '../finding.css';

/** A lead: who and where, the visits so far; for its finder, call, log a visit, mark found. */
export function LeadPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const [visiting, setVisiting] = useState(false);
  const [finding, setFinding] = useState(false);
  const q = useQuery({ queryKey: findingKeys.lead(id), queryFn: () => findingApi.lead(id) });
  if (q.isError) return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <PageSpinner />;
  const l = q.data;
  return (
    <Flex vertical gap={12} className="nx-finder">
      <Flex align="center" gap={8} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {l.name}
        </Typography.Title>
        <LeadStateTag state={l.state} />
      </Flex>
      <Typography.Text type="secondary">{l.campaign.name}</Typography.Text>
      {l.memberId && l.state === 'found' && (
        <Alert
          type="success"
          showIcon
          title={`${t('finding.foundOn')} ${l.foundOn ?? ''}`}
          action={
            l.policies.update ? (
              <Link to={`/members/${l.memberId}`}>{t('finding.memberLink')}</Link>
            ) : undefined
          }
        />
      )}
      <Card size="small">
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('finding.phone')}>{l.phone ?? l.phoneMasked ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('finding.idNumber')}>{l.idNumberMasked ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('finding.homeCounty')}>{l.homeCountyName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('finding.hostDistrict')}>{l.hostDistrictName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('finding.workplace')}>{l.workplace ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('finding.address')}>{l.address ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('finding.clue')}>{l.clue ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('finding.source')}>{LEAD_SOURCE_LABELS[l.source]}</Descriptions.Item>
          <Descriptions.Item label={t('finding.finder')}>{l.finder?.name ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t('finding.history')}>
        {l.visits.length === 0 ? (
          <Empty description={t('finding.noVisits')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
        ) : (
          <Timeline
            items={l.visits.map((v) => ({
              key: v.id,
              content: (
                <Flex vertical gap={2}>
                  <Typography.Text strong>
                    {v.visitedOn} · {VISIT_METHOD_LABELS[v.method]} · <LeadStateTag state={v.stateAfter} />
                  </Typography.Text>
                  {v.note && <Typography.Text>{v.note}</Typography.Text>}
                  {v.finder && <Typography.Text type="secondary">{v.finder.name}</Typography.Text>}
                </Flex>
              ),
            }))}
          />
        )}
      </Card>
      {l.policies.work && (
        <div className="nx-finder-actions">
          {l.phone ? (
            <Button size="large" icon={<PhoneOutlined />} href={`tel:${l.phone}`}>
              {t('finding.call')}
            </Button>
          ) : (
            <Button size="large" icon={<PhoneOutlined />} disabled>
              {t('finding.call')}
            </Button>
          )}
          <Button size="large" icon={<EditOutlined />} onClick={() => setVisiting(true)}>
            {t('finding.logVisit')}
          </Button>
          <Button size="large" type="primary" icon={<CheckOutlined />} onClick={() => setFinding(true)}>
            {t('finding.markFound')}
          </Button>
        </div>
      )}
      {!l.policies.work && l.finder && !['new', 'contacted', 'visited'].includes(l.state) && (
        <Typography.Text type="secondary">{t('finding.closed')}</Typography.Text>
      )}
      {visiting && <VisitDrawer lead={l} open={visiting} onClose={() => setVisiting(false)} />}
      {finding && <FoundDrawer lead={l} open={finding} onClose={() => setFinding(false)} />}
    </Flex>
  );
}
