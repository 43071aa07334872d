import { PlusOutlined } from '@ant-design/icons';
import type { CampaignListItem } from '@ningxin/shared';
import { Button, Card, Flex, Progress, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { KeysetPager } from '../../../components/KeysetPager';
import { LoadError } from '../../../components/LoadError';
import { useKeysetPages } from '../../../lib/useKeysetPages';
import { CampaignFormDrawer } from '../components/CampaignFormDrawer';
import { findingApi, findingKeys } from '../finding.api';

/** 寻找行动: the campaigns in the user's scope, with what each has found against its target. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const pages = useKeysetPages(findingKeys.campaigns, (cursor) => findingApi.campaigns(cursor));
  if (pages.isError) return <LoadError error={pages.error} onRetry={() => void pages.refetch()} />;
  return (
    <Card
      title={t('finding.campaigns')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('finding.newCampaign')}
        </Button>
      }
    >
      <Table<CampaignListItem>
        rowKey="id"
        loading={pages.isLoading}
        dataSource={pages.data?.items ?? []}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{ emptyText: t('finding.noCampaigns') }}
        columns={[
          {
            key: 'name',
            title: t('finding.name'),
            render: (_, c) => <Link to={`/finding/campaigns/${c.id}`}>{c.name}</Link>,
          },
          { key: 'org', title: t('finding.org'), render: (_, c) => c.org.name },
          { key: 'period', title: t('finding.period'), render: (_, c) => `${c.startsOn} ~ ${c.endsOn}` },
          {
            key: 'found',
            title: t('finding.found'),
            width: 220,
            render: (_, c) => (
              <Flex vertical gap={0}>
                <Typography.Text>
                  {c.counts.found.toLocaleString()} / {c.targetCount.toLocaleString()}
                </Typography.Text>
                <Progress
                  percent={Math.min(100, Math.round((c.counts.found / c.targetCount) * 100))}
                  size="small"
                  showInfo={false}
                />
              </Flex>
            ),
          },
          { key: 'open', title: t('finding.open'), render: (_, c) => c.counts.open },
          { key: 'unassigned', title: t('finding.unassigned'), render: (_, c) => c.counts.unassigned },
          {
            key: 'progress',
            title: t('finding.progress'),
            render: (_, c) => <Link to={`/finding/campaigns/${c.id}/progress`}>{t('finding.progress')}</Link>,
          },
        ]}
      />
      <div style={{ marginTop: 12 }}>
        <KeysetPager
          totalText={undefined}
          page={pages.page}
          hasPrev={pages.hasPrev}
          hasNext={pages.hasNext}
          loading={pages.isFetching}
          onPrev={pages.prev}
          onNext={pages.next}
        />
      </div>
      <CampaignFormDrawer
        campaign={null}
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(c) => navigate(`/finding/campaigns/${c.id}`)}
      />
    </Card>
  );
}
