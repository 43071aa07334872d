import { DownloadOutlined, ExportOutlined, ImportOutlined, PrinterOutlined } from '@ant-design/icons';
import {
  localIsoDate,
  TRANSFER_DIRECTIONS,
  TRANSFER_STATES,
  type TransferDirection,
  type TransferResponse,
  type TransferState,
} from '@ningxin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Checkbox,
  Flex,
  type FormInstance,
  Input,
  Select,
  Space,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { PagedRecords } from '../../../components/PagedRecords';
import { ReasonModal } from '../../../components/ReasonModal';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { useKeysetPages } from '../../../lib/useKeysetPages';
import { useCurrentUser } from '../../auth/useMe';
import { TransferCreateDrawer } from '../components/TransferCreateDrawer';
import { paperKeys, type TransferFilters, transfersApi } from '../papers.api';

const STATE_COLORS: Record<TransferState, string> = {
  issued: 'blue',
  completed: 'green',
  cancelled: 'default',
};

/** 组织关系转接: letters out and in, open receipts highlighted when overdue; receipt, cancel, letter PDF. */
export function TransfersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const me = useCurrentUser();
  const canWrite = me.permissions.includes('transfer.write');
  const canExport = me.permissions.includes('member.export');
  const [params] = useSearchParams();
  const [filters, setFilters] = useState<TransferFilters>({
    overdue: params.get('overdue') === 'true' || undefined,
  });
  const [creating, setCreating] = useState<TransferDirection | null>(null);
  const [receipting, setReceipting] = useState<TransferResponse | null>(null);
  const [cancelling, setCancelling] = useState<TransferResponse | null>(null);
  const list = useKeysetPages(paperKeys.transferList(filters), (cursor, signal) =>
    transfersApi.list(filters, cursor, signal),
  );
  const setFilter = (patch: Partial<TransferFilters>) => setFilters({ ...filters, ...patch });
  const refresh = () => void client.invalidateQueries({ queryKey: paperKeys.transfers });

  const letter = useMutation({
    mutationFn: (id: number) => transfersApi.letter(id),
    onSuccess: (name) => message.success(t('papers.certificates.downloaded', { name })),
    onError: (error) => onError(error),
  });
  const receipt = useMutation({
    mutationFn: ({ tr, date }: { tr: TransferResponse; date: string; form: FormInstance }) =>
      transfersApi.receipt(tr.id, { receiptReturnedOn: date, version: tr.version }),
    onSuccess: () => {
      message.success(t('papers.transfers.completed'));
      setReceipting(null);
      refresh();
    },
    onError: (error, { form }) => onError(error, { form, onConflict: refresh }),
  });
  const cancel = useMutation({
    mutationFn: ({ tr, reason }: { tr: TransferResponse; reason: string; form: FormInstance }) =>
      transfersApi.cancel(tr.id, { reason, version: tr.version }),
    onSuccess: () => {
      message.success(t('papers.transfers.cancelled'));
      setCancelling(null);
      refresh();
    },
    onError: (error, { form }) => onError(error, { form, onConflict: refresh }),
  });

  const actionsOf = (tr: TransferResponse) => (
    <Space size={0} wrap>
      {tr.policies.print ? (
        <Button
          type="link"
          size="small"
          icon={<PrinterOutlined aria-hidden />}
          loading={letter.isPending && letter.variables === tr.id}
          onClick={() => letter.mutate(tr.id)}
        >
          {t('papers.transfers.letter')}
        </Button>
      ) : null}
      {tr.policies.receipt ? (
        <Button type="link" size="small" onClick={() => setReceipting(tr)}>
          {t('papers.transfers.receipt')}
        </Button>
      ) : null}
      {tr.policies.cancel ? (
        <Button type="link" size="small" danger onClick={() => setCancelling(tr)}>
          {t('papers.transfers.cancel')}
        </Button>
      ) : null}
    </Space>
  );

  const columns: TableColumnsType<TransferResponse> = [
    {
      title: t('papers.transfers.col.number'),
      render: (_, tr) => (
        <Flex vertical gap={0}>
          <Space size={4} wrap>
            <Tag color={tr.direction === 'outgoing' ? 'purple' : 'cyan'}>{tr.directionLabel}</Tag>
            <Typography.Text strong>{tr.letterNumber}</Typography.Text>
          </Space>
          <Typography.Text type="secondary">
            <Link to={`/members/${tr.member.id}`}>{tr.member.name}</Link> · {tr.member.idMasked}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('papers.transfers.col.route'),
      responsive: ['md'],
      render: (_, tr) => (
        <Flex vertical gap={0}>
          <Typography.Text type="secondary">{tr.fromOrgName}</Typography.Text>
          <span>→ {tr.toOrgName}</span>
        </Flex>
      ),
    },
    { title: t('papers.transfers.col.issuedOn'), dataIndex: 'issuedOn', width: 110, responsive: ['lg'] },
    {
      title: t('papers.transfers.col.receiptDue'),
      width: 150,
      render: (_, tr) =>
        tr.overdue ? (
          <Flex vertical gap={0}>
            <Typography.Text type="danger">{tr.receiptDueOn}</Typography.Text>
            <Tag color="red">{t('papers.transfers.overdueTag', { days: tr.overdueDays })}</Tag>
          </Flex>
        ) : (
          (tr.receiptReturnedOn ?? tr.receiptDueOn)
        ),
    },
    {
      title: t('papers.transfers.col.state'),
      width: 90,
      render: (_, tr) => <Tag color={STATE_COLORS[tr.state]}>{tr.stateLabel}</Tag>,
    },
    {
      title: t('common.actions'),
      width: 230,
      render: (_, tr) => actionsOf(tr),
    },
  ];

  return (
    <Flex vertical gap={16} className="nx-page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
          {t('papers.transfers.title')}
        </Typography.Title>
        <Space wrap>
          {canExport ? (
            <Button icon={<DownloadOutlined aria-hidden />} href={transfersApi.exportUrl(filters)}>
              {t('papers.transfers.export')}
            </Button>
          ) : null}
          {canWrite ? (
            <>
              <Button icon={<ImportOutlined aria-hidden />} onClick={() => setCreating('incoming')}>
                {t('papers.transfers.createIncoming')}
              </Button>
              <Button
                type="primary"
                icon={<ExportOutlined aria-hidden />}
                onClick={() => setCreating('outgoing')}
              >
                {t('papers.transfers.createOutgoing')}
              </Button>
            </>
          ) : null}
        </Space>
      </Flex>
      <Flex gap={8} wrap align="center">
        <Select<TransferDirection | ''>
          aria-label={t('papers.transfers.allDirections')}
          style={{ minWidth: 120 }}
          value={filters.direction ?? ''}
          onChange={(v) => setFilter({ direction: v || undefined })}
          options={[
            { value: '', label: t('papers.transfers.allDirections') },
            ...TRANSFER_DIRECTIONS.map((d) => ({ value: d, label: t(`papers.transfers.${d}`) })),
          ]}
        />
        <Select<TransferState | ''>
          aria-label={t('papers.transfers.allStates')}
          style={{ minWidth: 120 }}
          value={filters.state ?? ''}
          onChange={(v) => setFilter({ state: v || undefined })}
          options={[
            { value: '', label: t('papers.transfers.allStates') },
            ...TRANSFER_STATES.map((s) => ({ value: s, label: t(`papers.transfers.state.${s}`) })),
          ]}
        />
        <Checkbox
          checked={filters.overdue ?? false}
          onChange={(e) => setFilter({ overdue: e.target.checked || undefined })}
        >
          {t('papers.transfers.overdueOnly')}
        </Checkbox>
        <Input.Search
          allowClear
          placeholder={t('papers.transfers.search')}
          aria-label={t('papers.transfers.search')}
          style={{ maxWidth: 240 }}
          onSearch={(v) => setFilter({ q: v.trim() || undefined })}
        />
      </Flex>
      <PagedRecords
        list={list}
        columns={columns}
        empty={t('papers.transfers.empty')}
        alert={(tr) => tr.overdue}
        card={(tr) => ({
          title: `${tr.directionLabel} ${tr.letterNumber}`,
          tag: <Tag color={STATE_COLORS[tr.state]}>{tr.stateLabel}</Tag>,
          lines: [
            `${tr.member.name} · ${tr.member.idMasked}`,
            `${tr.fromOrgName} → ${tr.toOrgName}`,
            tr.overdue ? (
              <Typography.Text key="due" type="danger">
                {t('papers.transfers.overdueTag', { days: tr.overdueDays })}（{tr.receiptDueOn}）
              </Typography.Text>
            ) : (
              `${t('papers.transfers.col.receiptDue')}：${tr.receiptReturnedOn ?? tr.receiptDueOn}`
            ),
          ],
          actions: actionsOf(tr),
        })}
      />
      <TransferCreateDrawer direction={creating} onClose={() => setCreating(null)} />
      <ReasonModal
        title={receipting ? t('papers.transfers.receiptTitle', { number: receipting.letterNumber }) : ''}
        open={receipting !== null}
        fields={[
          {
            name: 'receiptReturnedOn',
            label: t('papers.transfers.receiptDate'),
            kind: 'date',
            extra: t('papers.transfers.receiptHelp'),
          },
        ]}
        initialValues={{ receiptReturnedOn: localIsoDate(new Date()) }}
        submitting={receipt.isPending}
        okText={t('papers.transfers.receipt')}
        onCancel={() => setReceipting(null)}
        onSubmit={(values, form) =>
          receipting && receipt.mutate({ tr: receipting, date: values.receiptReturnedOn!, form })
        }
      />
      <ReasonModal
        title={cancelling ? t('papers.transfers.cancelTitle', { number: cancelling.letterNumber }) : ''}
        open={cancelling !== null}
        fields={[{ name: 'reason', label: t('papers.transfers.cancelReason'), kind: 'text' }]}
        submitting={cancel.isPending}
        danger
        onCancel={() => setCancelling(null)}
        onSubmit={(values, form) =>
          cancelling && cancel.mutate({ tr: cancelling, reason: values.reason!, form })
        }
      />
    </Flex>
  );
}
