import { DownloadOutlined } from '@ant-design/icons';
import { localIsoDate } from '@ningxin/shared';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Grid, Select, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { type BoardFilters, complianceApi, complianceKeys } from '../compliance.api';
import { AbsenteesTab } from '../components/AbsenteesTab';
import { BehindTab } from '../components/BehindTab';
import { BoardTab } from '../components/BoardTab';
import { BranchDrawer } from '../components/BranchDrawer';
import { ExemptionsTab } from '../components/ExemptionsTab';

/** 组织生活落实情况: the board per branch for a year, the behind list, absentees and exemptions. */
export function CompliancePage() {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [params, setParams] = useSearchParams();
  const thisYear = Number(localIsoDate(new Date()).slice(0, 4));
  const year = Number(params.get('year')) || thisYear;
  const orgParam = Number(params.get('orgId'));
  const orgId = Number.isInteger(orgParam) && orgParam > 0 ? orgParam : undefined;
  const filters: BoardFilters = { year, orgId };
  const [openId, setOpenId] = useState<number | null>(null);
  const board = useQuery({
    queryKey: complianceKeys.board(filters),
    queryFn: () => complianceApi.board(filters),
  });
  const open = board.data?.branches.find((b) => b.orgId === openId) ?? null;
  const setFilter = (patch: { year?: number; orgId?: number | undefined }) => {
    const next = { year, orgId, ...patch };
    setParams(
      {
        year: String(next.year),
        ...(next.orgId ? { orgId: String(next.orgId) } : {}),
      },
      { replace: true },
    );
  };
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
      <Flex gap={8} wrap>
        <Select<number>
          aria-label={t('compliance.year')}
          style={{ width: 110 }}
          value={year}
          onChange={(v) => setFilter({ year: v })}
          options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: `${y} 年` }))}
        />
        <OrgTreeSelect
          aria-label={t('compliance.org')}
          placeholder={t('compliance.org')}
          style={{ minWidth: screens.md ? 260 : '100%' }}
          allowClear
          value={orgId}
          onChange={(v) => setFilter({ orgId: v ?? undefined })}
        />
      </Flex>
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
