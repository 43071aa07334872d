import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import {
  CARE_HELP_KIND_LABELS,
  CARE_HELP_KINDS,
  type CareHelpKind,
  type CareHelpResponse,
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
import { careApi, careKeys, type HelpFilters } from '../care.api';
import { CareFilters } from '../components/CareFilters';
import { HelpDrawer } from '../components/HelpDrawer';
import { RowActions } from '../components/RowActions';

/** 困难帮扶: the help records with their totals, filters, export and the editor. */
export function CareHelpPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const user = useCurrentUser();
  const canWrite = user.permissions.includes('care.write');
  const canOpenMember = user.permissions.includes('member.read');
  const [filters, setFilters] = useState<HelpFilters>({});
  const [editing, setEditing] = useState<CareHelpResponse | null>(null);
  const [creating, setCreating] = useState(false);
  const list = useKeysetPages(careKeys.help(filters), (cursor, signal) =>
    careApi.help(filters, cursor, signal),
  );
  const remove = useMutation({
    mutationFn: (id: number) => careApi.deleteHelp(id),
    onSuccess: () => {
      message.success(t('care.deleted'));
      void client.invalidateQueries({ queryKey: careKeys.all });
    },
    onError: (error) => onError(error),
  });
  const setFilter = (patch: Partial<HelpFilters>) => setFilters({ ...filters, ...patch });
  const totals = list.data?.totals;

  const columns: TableColumnsType<CareHelpResponse> = [
    { title: t('care.help.col.date'), width: 110, dataIndex: 'givenOn' },
    {
      title: t('care.help.col.member'),
      render: (_, r) =>
        canOpenMember ? <Link to={`/members/${r.member.id}`}>{r.member.name}</Link> : r.member.name,
    },
    { title: t('care.help.col.org'), responsive: ['lg'], render: (_, r) => r.org.name },
    { title: t('care.help.col.kind'), width: 90, dataIndex: 'kindLabel' },
    { title: t('care.help.col.reason'), dataIndex: 'reason' },
    {
      title: t('care.help.col.amount'),
      align: 'right',
      render: (_, r) => (r.amountFen ? yuan(r.amountFen) : '—'),
    },
    ...(canWrite
      ? [
          {
            title: '',
            width: 120,
            render: (_: unknown, r: CareHelpResponse) =>
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
          {t('care.help.title')}
        </Typography.Title>
        <Space wrap>
          <Button icon={<DownloadOutlined aria-hidden />} href={careApi.exportUrl('care/help', filters)}>
            {t('care.export')}
          </Button>
          {canWrite ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              {t('care.help.create')}
            </Button>
          ) : null}
        </Space>
      </Flex>
      <Flex gap={8} wrap>
        <CareFilters year={filters.year} orgId={filters.orgId} onChange={setFilter}>
          <Select<CareHelpKind | ''>
            aria-label={t('care.help.col.kind')}
            style={{ minWidth: 110 }}
            value={filters.kind ?? ''}
            onChange={(v) => setFilter({ kind: v || undefined })}
            options={[
              { value: '', label: t('care.help.allKinds') },
              ...CARE_HELP_KINDS.map((k) => ({ value: k, label: CARE_HELP_KIND_LABELS[k] })),
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
              <Typography.Text data-testid="help-totals">
                {t('care.total')}：{t('care.records', { count: totals.count })} · {yuan(totals.amountFen)}{' '}
                {t('care.yuan')}
              </Typography.Text>
            ) : null}
            <Table<CareHelpResponse>
              rowKey="id"
              columns={columns}
              dataSource={list.data?.items ?? []}
              loading={list.isPending}
              pagination={false}
              size="middle"
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('care.help.empty') }}
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
      <HelpDrawer
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
