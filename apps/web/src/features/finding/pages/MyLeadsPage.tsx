import { EnvironmentOutlined, RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Flex, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LoadError } from '../../../components/LoadError';
import { PageSpinner } from '../../../components/PageSpinner';
import { LeadStateTag } from '../components/LeadStateTag';
import { findingApi, findingKeys } from '../finding.api';
import '../finding.css';

/** 我的线索: a finder's leads, one big card each, for a phone held in one hand. */
export function MyLeadsPage() {
  const { t } = useTranslation();
  const [show, setShow] = useState<'open' | 'closed'>('open');
  const q = useQuery({
    queryKey: findingKeys.myLeads(show),
    queryFn: () => findingApi.myLeads(show, undefined),
  });
  return (
    <Flex vertical gap={12} className="nx-finder">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('finding.myLeads')}
      </Typography.Title>
      <Segmented
        block
        size="large"
        value={show}
        onChange={(v) => setShow(v as 'open' | 'closed')}
        options={[
          { value: 'open', label: t('finding.showOpen') },
          { value: 'closed', label: t('finding.showClosed') },
        ]}
      />
      {q.isError ? (
        <LoadError error={q.error} onRetry={() => void q.refetch()} />
      ) : !q.data ? (
        <PageSpinner />
      ) : q.data.items.length === 0 ? (
        <Empty description={t('finding.noLeads')} />
      ) : (
        q.data.items.map((l) => (
          <Link key={l.id} to={`/finding/leads/${l.id}`} className="nx-finder-card" aria-label={l.name}>
            <Card size="small">
              <Flex justify="space-between" align="center" gap={8}>
                <Flex vertical gap={4} style={{ minWidth: 0 }}>
                  <Flex gap={8} align="center">
                    <Typography.Text strong style={{ fontSize: 18 }}>
                      {l.name}
                    </Typography.Text>
                    <LeadStateTag state={l.state} />
                  </Flex>
                  <Typography.Text type="secondary" ellipsis>
                    <EnvironmentOutlined />{' '}
                    {[l.hostDistrictName, l.workplace ?? l.address].filter(Boolean).join(' · ') || '—'}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {l.campaign.name}
                  </Typography.Text>
                </Flex>
                <RightOutlined aria-hidden />
              </Flex>
            </Card>
          </Link>
        ))
      )}
    </Flex>
  );
}
