import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import {
  DONATION_KIND_LABELS,
  DONATION_KINDS,
  DONATION_PURPOSE_LABELS,
  DONATION_PURPOSES,
  type DonationKind,
  type DonationPurpose,
  type DonationResponse,
} from '@ningxin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Flex,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../components/LoadError';
import { PagedRecords } from '../../../components/PagedRecords';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { useKeysetPages } from '../../../lib/useKeysetPages';
import { useCurrentUser } from '../../auth/useMe';
import { DonationDrawer } from '../components/DonationDrawer';
import { EditDelete } from '../components/EditDelete';
import { HometownFilters } from '../components/HometownFilters';
import { type DonationFilters, hometownApi, hometownKeys } from '../hometown.api';
import { yuan } from '../money';

/** 捐赠: the donations with their totals, the editor (funds or goods with items), the honour roll. */
export function DonationsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const canWrite = useCurrentUser().permissions.includes('hometown.write');
  const [filters, setFilters] = useState<DonationFilters>({});
  const [editing, setEditing] = useState<DonationResponse | null>(null);
  const [creating, setCreating] = useState(false);
  const list = useKeysetPages(hometownKeys.donations(filters), (cursor, signal) =>
    hometownApi.donations(filters, cursor, signal),
  );
  const roll = useQuery({
    queryKey: hometownKeys.honourRoll(filters),
    queryFn: () => hometownApi.honourRoll(filters),
  });
  const remove = useMutation({
    mutationFn: (id: number) => hometownApi.deleteDonation(id),
    onSuccess: () => {
      message.success(t('hometown.deleted'));
      void client.invalidateQueries({ queryKey: hometownKeys.all });
    },
    onError: (error) => onError(error),
  });
  const setFilter = (patch: Partial<DonationFilters>) => setFilters({ ...filters, ...patch });
  const totals = list.data?.totals;

  const actionsOf = (r: DonationResponse) =>
    canWrite && r.policies.edit ? (
      <EditDelete onEdit={() => setEditing(r)} onDelete={() => remove.mutate(r.id)} />
    ) : null;

  const columns: TableColumnsType<DonationResponse> = [
    { title: t('hometown.donations.col.date'), width: 110, dataIndex: 'donatedOn' },
    {
      title: t('hometown.donations.col.donor'),
      render: (_, r) => `${r.donorName}（${r.donorKindLabel}）`,
    },
    { title: t('hometown.donations.col.kind'), width: 70, dataIndex: 'kindLabel' },
    { title: t('hometown.donations.col.purpose'), width: 90, dataIndex: 'purposeLabel' },
    { title: t('hometown.donations.col.county'), width: 90, render: (_, r) => r.county.name },
    {
      title: t('hometown.donations.col.recipient'),
      responsive: ['lg'],
      render: (_, r) =>
        [
          r.recipient,
          r.items.length
            ? r.items.map((i) => `${i.name}${i.quantity.replace(/\.00$/, '')}${i.unit}`).join('、')
            : null,
        ]
          .filter(Boolean)
          .join(' · '),
    },
    { title: t('hometown.donations.col.amount'), align: 'right', render: (_, r) => yuan(r.amountFen) },
    ...(canWrite
      ? [{ title: '', width: 120, render: (_: unknown, r: DonationResponse) => actionsOf(r) }]
      : []),
  ];

  return (
    <Flex vertical gap={16} className="nx-page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
          {t('hometown.donations.title')}
        </Typography.Title>
        <Space wrap>
          <Button icon={<DownloadOutlined aria-hidden />} href={hometownApi.exportUrl('donations', filters)}>
            {t('hometown.export')}
          </Button>
          {canWrite ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              {t('hometown.donations.create')}
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
          <Select<DonationPurpose | ''>
            aria-label={t('hometown.donations.col.purpose')}
            style={{ minWidth: 110 }}
            value={filters.purpose ?? ''}
            onChange={(v) => setFilter({ purpose: v || undefined })}
            options={[
              { value: '', label: t('hometown.donations.allPurposes') },
              ...DONATION_PURPOSES.map((p) => ({ value: p, label: DONATION_PURPOSE_LABELS[p] })),
            ]}
          />
          <Select<DonationKind | ''>
            aria-label={t('hometown.donations.col.kind')}
            style={{ minWidth: 100 }}
            value={filters.kind ?? ''}
            onChange={(v) => setFilter({ kind: v || undefined })}
            options={[
              { value: '', label: t('hometown.donations.allKinds') },
              ...DONATION_KINDS.map((k) => ({ value: k, label: DONATION_KIND_LABELS[k] })),
            ]}
          />
        </HometownFilters>
      </Flex>
      <Tabs
        items={[
          {
            key: 'list',
            label: t('hometown.donations.list'),
            children: (
              <PagedRecords<DonationResponse>
                list={list}
                columns={columns}
                empty={t('hometown.donations.empty')}
                summary={
                  totals ? (
                    <Typography.Text data-testid="donations-totals">
                      {t('hometown.total')}：{t('hometown.records', { count: totals.count })} ·{' '}
                      {yuan(totals.amountFen)} {t('hometown.yuan')}
                    </Typography.Text>
                  ) : null
                }
                card={(r) => ({
                  title: `${r.donorName}（${r.donorKindLabel}）`,
                  tag: <Tag>{r.purposeLabel}</Tag>,
                  lines: [
                    `${r.donatedOn} · ${r.county.name} · ${r.kindLabel}`,
                    ...(r.recipient ? [r.recipient] : []),
                    `${yuan(r.amountFen)} ${t('hometown.yuan')}`,
                  ],
                  actions: actionsOf(r),
                })}
              />
            ),
          },
          {
            key: 'honour',
            label: t('hometown.donations.honourRoll'),
            children: (
              <Card size="small">
                {roll.isError ? (
                  <LoadError error={roll.error} onRetry={() => void roll.refetch()} />
                ) : (
                  <Table
                    rowKey="rank"
                    dataSource={roll.data?.items ?? []}
                    loading={roll.isPending}
                    pagination={false}
                    size="middle"
                    scroll={{ x: 'max-content' }}
                    locale={{ emptyText: t('hometown.donations.empty') }}
                    columns={[
                      { title: t('hometown.donations.col.rank'), dataIndex: 'rank', width: 70 },
                      {
                        title: t('hometown.donations.col.donor'),
                        render: (_, r) => `${r.donorName}（${r.donorKindLabel}）`,
                      },
                      { title: t('hometown.donations.col.count'), dataIndex: 'donations', align: 'right' },
                      {
                        title: t('hometown.donations.col.amount'),
                        align: 'right',
                        render: (_, r) => yuan(r.amountFen),
                      },
                      { title: t('hometown.donations.col.last'), dataIndex: 'lastDonatedOn' },
                    ]}
                  />
                )}
              </Card>
            ),
          },
        ]}
      />
      <DonationDrawer
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
