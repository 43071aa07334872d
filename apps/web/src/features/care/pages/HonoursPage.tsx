import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import {
  HONOUR_KIND_LABELS,
  HONOUR_KINDS,
  HONOUR_LEVEL_LABELS,
  HONOUR_LEVELS,
  type HonourKind,
  type HonourLevel,
  type HonourResponse,
} from '@ningxin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Select, Space, Table, type TableColumnsType, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KeysetPager } from '../../../components/KeysetPager';
import { LoadError } from '../../../components/LoadError';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { useKeysetPages } from '../../../lib/useKeysetPages';
import { useCurrentUser } from '../../auth/useMe';
import { careApi, careKeys, type HonourFilters } from '../care.api';
import { CareFilters } from '../components/CareFilters';
import { HonourDrawer } from '../components/HonourDrawer';
import { HonourWall } from '../components/HonourWall';
import { RowActions } from '../components/RowActions';

/** 表彰: the honour wall (collective first, by level) and the register with filters, export and editor. */
export function HonoursPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const canWrite = useCurrentUser().permissions.includes('care.write');
  const [filters, setFilters] = useState<HonourFilters>({});
  const [editing, setEditing] = useState<HonourResponse | null>(null);
  const [creating, setCreating] = useState(false);
  const wall = useQuery({ queryKey: careKeys.wall(filters.year), queryFn: () => careApi.wall(filters.year) });
  const list = useKeysetPages(careKeys.honours(filters), (cursor, signal) =>
    careApi.honours(filters, cursor, signal),
  );
  const remove = useMutation({
    mutationFn: (id: number) => careApi.deleteHonour(id),
    onSuccess: () => {
      message.success(t('care.deleted'));
      void client.invalidateQueries({ queryKey: careKeys.all });
    },
    onError: (error) => onError(error),
  });
  const setFilter = (patch: Partial<HonourFilters>) => setFilters({ ...filters, ...patch });

  const columns: TableColumnsType<HonourResponse> = [
    { title: t('care.honours.col.date'), width: 110, dataIndex: 'awardedOn' },
    { title: t('care.honours.col.title'), dataIndex: 'title' },
    { title: t('care.honours.col.recipient'), dataIndex: 'recipient' },
    { title: t('care.honours.col.kind'), width: 70, dataIndex: 'kindLabel' },
    { title: t('care.honours.col.level'), width: 90, dataIndex: 'levelLabel' },
    { title: t('care.honours.col.issuer'), responsive: ['lg'], dataIndex: 'issuer' },
    ...(canWrite
      ? [
          {
            title: '',
            width: 120,
            render: (_: unknown, r: HonourResponse) =>
              r.policies.edit ? (
                <RowActions onEdit={() => setEditing(r)} onDelete={() => remove.mutate(r.id)} />
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={16} className="nx-page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
          {t('care.honours.title')}
        </Typography.Title>
        <Space wrap>
          <Button icon={<DownloadOutlined aria-hidden />} href={careApi.exportUrl('honours', filters)}>
            {t('care.export')}
          </Button>
          {canWrite ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              {t('care.honours.create')}
            </Button>
          ) : null}
        </Space>
      </Flex>
      <Flex gap={8} wrap>
        <CareFilters year={filters.year} orgId={filters.orgId} onChange={setFilter}>
          <Select<HonourLevel | ''>
            aria-label={t('care.honours.col.level')}
            style={{ minWidth: 110 }}
            value={filters.level ?? ''}
            onChange={(v) => setFilter({ level: v || undefined })}
            options={[
              { value: '', label: t('care.honours.allLevels') },
              ...HONOUR_LEVELS.map((l) => ({ value: l, label: HONOUR_LEVEL_LABELS[l] })),
            ]}
          />
          <Select<HonourKind | ''>
            aria-label={t('care.honours.col.kind')}
            style={{ minWidth: 100 }}
            value={filters.kind ?? ''}
            onChange={(v) => setFilter({ kind: v || undefined })}
            options={[
              { value: '', label: t('care.honours.allKinds') },
              ...HONOUR_KINDS.map((k) => ({ value: k, label: HONOUR_KIND_LABELS[k] })),
            ]}
          />
        </CareFilters>
      </Flex>
      <Tabs
        items={[
          {
            key: 'wall',
            label: t('care.honours.wall'),
            children: wall.isError ? (
              <LoadError error={wall.error} onRetry={() => void wall.refetch()} />
            ) : (
              <Card size="small" loading={wall.isPending}>
                {wall.data ? <HonourWall {...wall.data} /> : null}
              </Card>
            ),
          },
          {
            key: 'list',
            label: t('care.honours.list'),
            children: (
              <Card size="small">
                {list.isError ? (
                  <LoadError error={list.error} onRetry={() => void list.refetch()} />
                ) : (
                  <Flex vertical gap={12}>
                    {list.data ? (
                      <Typography.Text>
                        {t('care.total')}：{t('care.records', { count: list.data.totals.count })}
                      </Typography.Text>
                    ) : null}
                    <Table<HonourResponse>
                      rowKey="id"
                      columns={columns}
                      dataSource={list.data?.items ?? []}
                      loading={list.isPending}
                      pagination={false}
                      size="middle"
                      scroll={{ x: 'max-content' }}
                      locale={{ emptyText: t('care.honours.empty') }}
                    />
                    <KeysetPager
                      totalText={undefined}
                      page={list.page}
                      hasPrev={list.hasPrev}
                      hasNext={list.hasNext}
                      loading={list.isFetching}
                      onPrev={list.prev}
                      onNext={list.next}
                    />
                  </Flex>
                )}
              </Card>
            ),
          },
        ]}
      />
      <HonourDrawer
        open={creating || editing !== null}
        editing={editing}
        onClose={() => {
          setCreating(false);
          setEditing(null);
        }}
      />
    </Flex>
  );
}
