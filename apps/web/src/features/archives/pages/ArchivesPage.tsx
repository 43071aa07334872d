import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import {
  ARCHIVE_CATEGORIES,
  ARCHIVE_CATEGORY_LABELS,
  type ArchiveCategory,
  type ArchiveItemResponse,
} from '@ningxin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Checkbox,
  Flex,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { KeysetPager } from '../../../components/KeysetPager';
import { LoadError } from '../../../components/LoadError';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { useKeysetPages } from '../../../lib/useKeysetPages';
import { useCurrentUser } from '../../auth/useMe';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { type ArchiveFilters, archivesApi, archivesKeys } from '../archives.api';
import { ArchiveDrawer } from '../components/ArchiveDrawer';
import { LendModal } from '../components/LendModal';

const PLACE_KEYS = ['room', 'cabinet', 'shelf', 'box'] as const;
const thisYear = new Date().getFullYear();
const YEARS = Array.from({ length: thisYear - 2014 }, (_, i) => thisYear - i);

/** 档案台账: the registry with filters (the place comes from the room view's link), the editor, lending. */
export function ArchivesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const canWrite = useCurrentUser().permissions.includes('archive.write');
  const [params, setParams] = useSearchParams();
  const [rest, setRest] = useState<Omit<ArchiveFilters, (typeof PLACE_KEYS)[number]>>({
    overdue: params.get('overdue') === 'true' || undefined,
  });
  const place = useMemo(
    () => Object.fromEntries(PLACE_KEYS.flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : []))),
    [params],
  ) as Pick<ArchiveFilters, (typeof PLACE_KEYS)[number]>;
  const filters: ArchiveFilters = { ...rest, ...place };
  const [editing, setEditing] = useState<ArchiveItemResponse | null>(null);
  const [creating, setCreating] = useState(false);
  const [lending, setLending] = useState<ArchiveItemResponse | null>(null);
  const list = useKeysetPages(archivesKeys.list(filters), (cursor, signal) =>
    archivesApi.list(filters, cursor, signal),
  );
  const remove = useMutation({
    mutationFn: (id: number) => archivesApi.remove(id),
    onSuccess: () => {
      message.success(t('archives.deleted'));
      void client.invalidateQueries({ queryKey: archivesKeys.all });
    },
    onError: (error) => onError(error),
  });
  const set = (patch: Partial<ArchiveFilters>) => setRest({ ...rest, ...patch });
  const totals = list.data?.totals;
  const placeText = Object.values(place).join(' / ');

  const columns: TableColumnsType<ArchiveItemResponse> = [
    { title: t('archives.col.code'), dataIndex: 'code', width: 150 },
    { title: t('archives.col.title'), dataIndex: 'title' },
    { title: t('archives.col.category'), dataIndex: 'categoryLabel', width: 90 },
    { title: t('archives.col.year'), dataIndex: 'year', width: 70 },
    { title: t('archives.col.org'), responsive: ['xl'], render: (_, r) => r.org.name },
    { title: t('archives.col.retention'), responsive: ['xl'], dataIndex: 'retentionLabel' },
    {
      title: t('archives.col.place'),
      responsive: ['lg'],
      render: (_, r) => t('archives.placeText', r),
    },
    {
      title: t('archives.col.loan'),
      render: (_, r) =>
        r.loan ? (
          <Space size={4} wrap>
            {r.loan.overdue ? <Tag color="error">{t('archives.overdueTag')}</Tag> : null}
            <Typography.Text type={r.loan.overdue ? 'danger' : undefined}>
              {t('archives.out', { name: r.loan.borrowerName, due: r.loan.dueOn })}
            </Typography.Text>
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('archives.inRoom')}</Typography.Text>
        ),
    },
    ...(canWrite
      ? [
          {
            title: '',
            width: 170,
            render: (_: unknown, r: ArchiveItemResponse) =>
              r.policies.edit ? (
                <Space>
                  <Button size="small" onClick={() => setEditing(r)}>
                    {t('archives.edit')}
                  </Button>
                  {r.policies.lend ? (
                    <Button size="small" type="primary" ghost onClick={() => setLending(r)}>
                      {t('archives.lend')}
                    </Button>
                  ) : null}
                  {r.policies.delete ? (
                    <Popconfirm title={t('archives.deleteConfirm')} onConfirm={() => remove.mutate(r.id)}>
                      <Button size="small" danger>
                        {t('archives.delete')}
                      </Button>
                    </Popconfirm>
                  ) : null}
                </Space>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={16} className="nx-page" data-testid="archives-page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
          {t('archives.title')}
        </Typography.Title>
        <Space wrap>
          <Button icon={<DownloadOutlined aria-hidden />} href={archivesApi.exportUrl(filters)}>
            {t('archives.export')}
          </Button>
          {canWrite ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              {t('archives.create')}
            </Button>
          ) : null}
        </Space>
      </Flex>
      <Flex gap={8} wrap align="center">
        <Input.Search
          aria-label={t('archives.search')}
          placeholder={t('archives.search')}
          allowClear
          style={{ width: 200 }}
          onSearch={(q) => set({ q: q.trim() || undefined })}
        />
        <Select<ArchiveCategory | ''>
          aria-label={t('archives.col.category')}
          style={{ minWidth: 110 }}
          value={rest.category ?? ''}
          onChange={(v) => set({ category: v || undefined })}
          options={[
            { value: '', label: t('archives.allCategories') },
            ...ARCHIVE_CATEGORIES.map((c) => ({ value: c, label: ARCHIVE_CATEGORY_LABELS[c] })),
          ]}
        />
        <Select<number | 0>
          aria-label={t('archives.col.year')}
          style={{ minWidth: 100 }}
          value={rest.year ?? 0}
          onChange={(v) => set({ year: v || undefined })}
          options={[
            { value: 0, label: t('archives.allYears') },
            ...YEARS.map((y) => ({ value: y, label: `${y}` })),
          ]}
        />
        <OrgTreeSelect
          aria-label={t('archives.col.org')}
          placeholder={t('archives.col.org')}
          style={{ minWidth: 200 }}
          value={rest.orgId}
          onChange={(orgId) => set({ orgId: orgId ?? undefined })}
        />
        <Checkbox checked={!!rest.onLoan} onChange={(e) => set({ onLoan: e.target.checked || undefined })}>
          {t('archives.onLoan')}
        </Checkbox>
        <Checkbox checked={!!rest.overdue} onChange={(e) => set({ overdue: e.target.checked || undefined })}>
          {t('archives.overdue')}
        </Checkbox>
        {placeText ? (
          <Tag closable onClose={() => setParams({})} title={t('archives.clearPlace')}>
            {t('archives.place')}：{placeText}
          </Tag>
        ) : null}
      </Flex>
      <Card size="small">
        {list.isError ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Flex vertical gap={12}>
            {totals ? (
              <Typography.Text data-testid="archives-totals">{t('archives.totals', totals)}</Typography.Text>
            ) : null}
            <Table<ArchiveItemResponse>
              rowKey="id"
              columns={columns}
              dataSource={list.data?.items ?? []}
              loading={list.isPending}
              pagination={false}
              size="middle"
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('archives.empty') }}
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
      <ArchiveDrawer
        open={creating || editing !== null}
        editing={editing}
        onClose={() => {
          setCreating(false);
          setEditing(null);
        }}
      />
      <LendModal item={lending} onClose={() => setLending(null)} />
    </Flex>
  );
}
