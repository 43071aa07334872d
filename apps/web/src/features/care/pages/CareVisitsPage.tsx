import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import {
  CARE_VISIT_REASON_LABELS,
  CARE_VISIT_REASONS,
  type CareVisitReason,
  type CareVisitResponse,
} from '@ningxin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Select, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { KeysetPager } from '../../../components/KeysetPager';
import { LoadError } from '../../../components/LoadError';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { useKeysetPages } from '../../../lib/useKeysetPages';
import { useCurrentUser } from '../../auth/useMe';
import { yuan } from '../../hometown/money';
import { careApi, careKeys, type VisitFilters } from '../care.api';
import { CareFilters } from '../components/CareFilters';
import { RowActions } from '../components/RowActions';
import { VisitDrawer } from '../components/VisitDrawer';

/** 走访慰问: the visits with their totals, filters, export and the editor. */
export function CareVisitsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const user = useCurrentUser();
  const canWrite = user.permissions.includes('care.write');
  const canOpenMember = user.permissions.includes('member.read');
  const [filters, setFilters] = useState<VisitFilters>({});
  const [editing, setEditing] = useState<CareVisitResponse | null>(null);
  const [creating, setCreating] = useState(false);
  const list = useKeysetPages(careKeys.visits(filters), (cursor, signal) =>
    careApi.visits(filters, cursor, signal),
  );
  const remove = useMutation({
    mutationFn: (id: number) => careApi.deleteVisit(id),
    onSuccess: () => {
      message.success(t('care.deleted'));
      void client.invalidateQueries({ queryKey: careKeys.all });
    },
    onError: (error) => onError(error),
  });
  const setFilter = (patch: Partial<VisitFilters>) => setFilters({ ...filters, ...patch });
  const totals = list.data?.totals;

  const columns: TableColumnsType<CareVisitResponse> = [
    { title: t('care.visits.col.date'), width: 110, dataIndex: 'visitedOn' },
    {
      title: t('care.visits.col.member'),
      render: (_, r) =>
        canOpenMember ? <Link to={`/members/${r.member.id}`}>{r.member.name}</Link> : r.member.name,
    },
    { title: t('care.visits.col.org'), responsive: ['lg'], render: (_, r) => r.org.name },
    {
      title: t('care.visits.col.reason'),
      width: 150,
      render: (_, r) => (r.holiday ? `${r.reasonLabel}（${r.holiday}）` : r.reasonLabel),
    },
    { title: t('care.visits.col.visitors'), responsive: ['md'], dataIndex: 'visitors' },
    {
      title: t('care.visits.col.gift'),
      align: 'right',
      render: (_, r) => (r.giftFen ? yuan(r.giftFen) : '—'),
    },
    ...(canWrite
      ? [
          {
            title: '',
            width: 120,
            render: (_: unknown, r: CareVisitResponse) =>
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
          {t('care.visits.title')}
        </Typography.Title>
        <Space wrap>
          <Button icon={<DownloadOutlined aria-hidden />} href={careApi.exportUrl('care/visits', filters)}>
            {t('care.export')}
          </Button>
          {canWrite ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              {t('care.visits.create')}
            </Button>
          ) : null}
        </Space>
      </Flex>
      <Flex gap={8} wrap>
        <CareFilters year={filters.year} orgId={filters.orgId} onChange={setFilter}>
          <Select<CareVisitReason | ''>
            aria-label={t('care.visits.col.reason')}
            style={{ minWidth: 110 }}
            value={filters.reason ?? ''}
            onChange={(v) => setFilter({ reason: v || undefined })}
            options={[
              { value: '', label: t('care.visits.allReasons') },
              ...CARE_VISIT_REASONS.map((r) => ({ value: r, label: CARE_VISIT_REASON_LABELS[r] })),
            ]}
          />
        </CareFilters>
      </Flex>
      <Card size="small">
        {list.isError ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Flex vertical gap={12}>
            {totals ? (
              <Typography.Text data-testid="visits-totals">
                {t('care.total')}：{t('care.records', { count: totals.count })} · {yuan(totals.giftFen)}{' '}
                {t('care.yuan')}
              </Typography.Text>
            ) : null}
            <Table<CareVisitResponse>
              rowKey="id"
              columns={columns}
              dataSource={list.data?.items ?? []}
              loading={list.isPending}
              pagination={false}
              size="middle"
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('care.visits.empty') }}
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
      <VisitDrawer
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
