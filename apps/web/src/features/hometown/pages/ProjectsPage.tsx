import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import {
  PROJECT_STAGE_LABELS,
  PROJECT_STAGES,
  type ProjectResponse,
  type ProjectStage,
} from '@ningxin/shared';
import { Button, Flex, Select, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { PagedRecords } from '../../../components/PagedRecords';
import { useKeysetPages } from '../../../lib/useKeysetPages';
import { useCurrentUser } from '../../auth/useMe';
import { HometownFilters } from '../components/HometownFilters';
import { ProjectDrawer } from '../components/ProjectDrawer';
import { hometownApi, hometownKeys, type ProjectFilters } from '../hometown.api';
import { wan } from '../money';

export const STAGE_COLORS: Record<ProjectStage, string> = {
  negotiating: 'default',
  signed: 'blue',
  started: 'orange',
  producing: 'green',
};

/** 引进项目: filtered by county, stage and signing year, with the totals of all that match. */
export function ProjectsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canWrite = useCurrentUser().permissions.includes('hometown.write');
  const [filters, setFilters] = useState<ProjectFilters>({});
  const [creating, setCreating] = useState(false);
  const list = useKeysetPages(hometownKeys.projects(filters), (cursor, signal) =>
    hometownApi.projects(filters, cursor, signal),
  );
  const setFilter = (patch: Partial<ProjectFilters>) => setFilters({ ...filters, ...patch });
  const totals = list.data?.totals;

  const columns: TableColumnsType<ProjectResponse> = [
    {
      title: t('hometown.projects.col.name'),
      render: (_, r) => <Link to={`/hometown/projects/${r.id}`}>{r.name}</Link>,
    },
    { title: t('hometown.projects.col.county'), width: 90, render: (_, r) => r.county.name },
    { title: t('hometown.projects.col.park'), responsive: ['xl'], render: (_, r) => r.park },
    {
      title: t('hometown.projects.col.stage'),
      width: 80,
      render: (_, r) => <Tag color={STAGE_COLORS[r.stage]}>{r.stageLabel}</Tag>,
    },
    { title: t('hometown.projects.col.signedOn'), width: 110, render: (_, r) => r.signedOn ?? '—' },
    { title: t('hometown.projects.col.signed'), align: 'right', render: (_, r) => wan(r.signedFen) },
    {
      title: t('hometown.projects.col.actual'),
      align: 'right',
      responsive: ['lg'],
      render: (_, r) => wan(r.actualFen),
    },
    {
      title: t('hometown.projects.col.introducers'),
      responsive: ['lg'],
      render: (_, r) => r.introducers.map((i) => i.name).join('、'),
    },
  ];

  return (
    <Flex vertical gap={16} className="nx-page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
          {t('hometown.projects.title')}
        </Typography.Title>
        <Space wrap>
          <Button icon={<DownloadOutlined aria-hidden />} href={hometownApi.exportUrl('projects', filters)}>
            {t('hometown.export')}
          </Button>
          {canWrite ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              {t('hometown.projects.create')}
            </Button>
          ) : null}
        </Space>
      </Flex>
      <Flex gap={8} wrap>
        <HometownFilters
          countyCode={filters.countyCode}
          year={filters.year}
          onChange={setFilter}
          onSearch={(q) => setFilter({ q })}
        >
          <Select<ProjectStage | ''>
            aria-label={t('hometown.projects.col.stage')}
            style={{ minWidth: 110 }}
            value={filters.stage ?? ''}
            onChange={(v) => setFilter({ stage: v || undefined })}
            options={[
              { value: '', label: t('hometown.projects.allStages') },
              ...PROJECT_STAGES.map((s) => ({ value: s, label: PROJECT_STAGE_LABELS[s] })),
            ]}
          />
        </HometownFilters>
      </Flex>
      <PagedRecords<ProjectResponse>
        list={list}
        columns={columns}
        empty={t('hometown.projects.empty')}
        summary={
          totals ? (
            <Typography.Text data-testid="projects-totals">
              {t('hometown.total')}：{t('hometown.records', { count: totals.count })} ·{' '}
              {t('hometown.projects.col.signed')} {wan(totals.signedFen)} ·{' '}
              {t('hometown.projects.col.actual')} {wan(totals.actualFen)}
            </Typography.Text>
          ) : null
        }
        card={(r) => ({
          label: r.name,
          title: <Link to={`/hometown/projects/${r.id}`}>{r.name}</Link>,
          tag: <Tag color={STAGE_COLORS[r.stage]}>{r.stageLabel}</Tag>,
          lines: [
            `${r.county.name} · ${r.signedOn ?? t('hometown.unsigned')}`,
            `${t('hometown.projects.col.signed')} ${wan(r.signedFen)} ${t('hometown.wan')}`,
          ],
          actions: null,
        })}
      />
      <ProjectDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(saved) => navigate(`/hometown/projects/${saved.id}`)}
      />
    </Flex>
  );
}
