import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useYearOrgParams } from '../../../lib/useYearOrgParams';
import { YearOrgFilters } from '../../orgs/components/YearOrgFilters';
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
  const filter = useYearOrgParams();
  const { year, orgId } = filter;
  const filters: StudyFilters = { year, orgId };
  const [open, setOpen] = useState<Person | null>(null);
  const [recording, setRecording] = useState<Person | null>(null);
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
      <YearOrgFilters filter={filter} yearLabel={t('study.year')} orgLabel={t('study.org')} />
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
