import { DownloadOutlined } from '@ant-design/icons';
import { localIsoDate } from '@ningxin/shared';
import { Button, Card, Flex, Grid, Select, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { BoardTab } from '../components/BoardTab';
import { MemberHoursDrawer } from '../components/MemberHoursDrawer';
import { OrgHoursTab } from '../components/OrgHoursTab';
import { RecordStudyModal } from '../components/RecordStudyModal';
import { RecordsTab } from '../components/RecordsTab';
import { type StudyFilters, studyApi } from '../study.api';

type Person = { id: number; name: string };

/** 学时管理: members below the yearly requirement, hours by org, offline study records; export. */
export function StudyPage() {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [params, setParams] = useSearchParams();
  const thisYear = Number(localIsoDate(new Date()).slice(0, 4));
  const year = Number(params.get('year')) || thisYear;
  const orgParam = Number(params.get('orgId'));
  const orgId = Number.isInteger(orgParam) && orgParam > 0 ? orgParam : undefined;
  const filters: StudyFilters = { year, orgId };
  const [open, setOpen] = useState<Person | null>(null);
  const [recording, setRecording] = useState<Person | null>(null);
  const setFilter = (patch: { year?: number; orgId?: number | undefined }) => {
    const next = { year, orgId, ...patch };
    setParams(
      { year: String(next.year), ...(next.orgId ? { orgId: String(next.orgId) } : {}) },
      { replace: true },
    );
  };
  return (
    <Flex vertical gap={16} className="nx-page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
          {t('study.title')}
        </Typography.Title>
        <Button
          icon={<DownloadOutlined aria-hidden />}
          href={studyApi.exportUrl(filters)}
          data-testid="export"
        >
          {t('study.export')}
        </Button>
      </Flex>
      <Flex gap={8} wrap>
        <Select<number>
          aria-label={t('study.year')}
          style={{ width: 110 }}
          value={year}
          onChange={(v) => setFilter({ year: v })}
          options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: `${y} 年` }))}
        />
        <OrgTreeSelect
          aria-label={t('study.org')}
          placeholder={t('study.org')}
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
              label: t('study.tabs.board'),
              children: <BoardTab filters={filters} onOpen={setOpen} onRecord={setRecording} />,
            },
            { key: 'orgs', label: t('study.tabs.orgs'), children: <OrgHoursTab filters={filters} /> },
            { key: 'records', label: t('study.tabs.records'), children: <RecordsTab filters={filters} /> },
          ]}
        />
      </Card>
      <MemberHoursDrawer member={open} year={year} onClose={() => setOpen(null)} />
      <RecordStudyModal member={recording} onClose={() => setRecording(null)} />
    </Flex>
  );
}
