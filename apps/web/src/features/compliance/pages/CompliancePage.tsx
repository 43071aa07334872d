import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useYearOrgParams } from '../../../lib/useYearOrgParams';
import { YearOrgFilters } from '../../orgs/components/YearOrgFilters';
import { type BoardFilters, complianceApi, complianceKeys } from '../compliance.api';
import { AbsenteesTab } from '../components/AbsenteesTab';
import { BehindTab } from '../components/BehindTab';
import { BoardTab } from '../components/BoardTab';
import { BranchDrawer } from '../components/BranchDrawer';
import { ExemptionsTab } from '../components/ExemptionsTab';

/** 组织生活落实情况: the board per branch for a year, the behind list, absentees and exemptions. */
export function CompliancePage() {
  const { t } = useTranslation();
  const filter = useYearOrgParams();
  const { year, orgId } = filter;
  const filters: BoardFilters = { year, orgId };
  const [openId, setOpenId] = useState<number | null>(null);
  const board = useQuery({
    queryKey: complianceKeys.board(filters),
    queryFn: () => complianceApi.board(filters),
  });
  const open = board.data?.branches.find((b) => b.orgId === openId) ?? null;
  return (
    <Flex vertical gap={16} className="nx-page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
          {t('compliance.title')}
        </Typography.Title>
        <Button
          icon={<DownloadOutlined aria-hidden />}
          href={complianceApi.exportUrl(filters)}
          data-testid="export"
        >
          {t('compliance.export')}
        </Button>
      </Flex>
      <YearOrgFilters filter={filter} yearLabel={t('compliance.year')} orgLabel={t('compliance.org')} />
      <Card size="small">
        <Tabs
          items={[
            {
              key: 'board',
              label: t('compliance.tabs.board'),
              children: <BoardTab filters={filters} onOpen={(b) => setOpenId(b.orgId)} />,
            },
            {
              key: 'behind',
              label: t('compliance.tabs.behind'),
              children: <BehindTab filters={filters} onOpen={setOpenId} />,
            },
            {
              key: 'absentees',
              label: t('compliance.tabs.absentees'),
              children: <AbsenteesTab orgId={orgId} />,
            },
            {
              key: 'exemptions',
              label: t('compliance.tabs.exemptions'),
              children: <ExemptionsTab orgId={orgId} />,
            },
          ]}
        />
      </Card>
      <BranchDrawer branch={open} year={year} onClose={() => setOpenId(null)} />
    </Flex>
  );
}
