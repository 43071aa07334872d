import { DownloadOutlined } from '@ant-design/icons';
import { type DuesMonthMember, displayFen, MEMBER_TYPE_LABELS, monthLabel } from '@ningxin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Flex,
  Popconfirm,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { LoadError } from '../../../components/LoadError';
import { PageSpinner } from '../../../components/PageSpinner';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { PaymentDrawer, type PaymentTarget } from '../components/PaymentDrawer';
import { duesApi, duesKeys } from '../dues.api';

const yuan = (fen: number) => displayFen(fen, 'yuan');

/** A branch's month (月度台账): every member with the amount due and paid or not; record, close. */
export function DuesMonthPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const id = Number(useParams().id);
  const [paying, setPaying] = useState<PaymentTarget | null>(null);
  const month = useQuery({ queryKey: duesKeys.month(id), queryFn: () => duesApi.month(id) });
  const close = useMutation({
    mutationFn: () => duesApi.closeMonth(id, month.data!.version),
    onSuccess: () => {
      message.success(t('dues.month.closed'));
      void client.invalidateQueries({ queryKey: duesKeys.all });
    },
    onError: (error) => onError(error, { onConflict: () => void month.refetch() }),
  });
  if (month.isError) return <LoadError error={month.error} onRetry={() => void month.refetch()} />;
  if (!month.data) return <PageSpinner />;
  const m = month.data;
  const status = (r: DuesMonthMember) =>
    r.relief === 'waived' ? (
      <Tag>{t('dues.month.status.waived')}</Tag>
    ) : r.dueFen === null ? (
      <Tag color="warning">{t('dues.month.status.noBase')}</Tag>
    ) : r.paid ? (
      <Tag color="success">{t('dues.month.status.paid')}</Tag>
    ) : (
      <Tag color="error">{t('dues.month.status.unpaid')}</Tag>
    );
  const columns: TableColumnsType<DuesMonthMember> = [
    { title: t('dues.month.col.name'), dataIndex: 'memberName' },
    {
      title: t('dues.month.col.type'),
      width: 90,
      render: (_, r) => MEMBER_TYPE_LABELS[r.memberType as keyof typeof MEMBER_TYPE_LABELS] ?? r.memberType,
    },
    {
      title: t('dues.month.col.due'),
      align: 'right',
      render: (_, r) => (r.dueFen === null ? '—' : yuan(r.dueFen)),
    },
    { title: t('dues.month.col.status'), render: (_, r) => status(r) },
    { title: t('dues.month.col.paidOn'), dataIndex: 'paidOn', responsive: ['md'] },
    {
      title: '',
      width: 110,
      render: (_, r) =>
        m.policies.pay && !r.paid && r.dueFen !== null ? (
          <Button
            size="small"
            onClick={() => setPaying({ memberId: r.memberId, memberName: r.memberName, fromMonth: m.month })}
          >
            {t('dues.month.pay')}
          </Button>
        ) : null,
    },
  ];
  return (
    <Flex vertical gap={16} className="nx-page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
          {m.org.name} {monthLabel(m.month)} <Tag>{m.stateLabel}</Tag>
        </Typography.Title>
        <Space wrap>
          <Button icon={<DownloadOutlined aria-hidden />} href={duesApi.reportUrl(m.id)}>
            {t('dues.month.report')}
          </Button>
          {m.policies.close ? (
            <Popconfirm title={t('dues.month.closeConfirm')} onConfirm={() => close.mutate()}>
              <Button loading={close.isPending}>{t('dues.month.close')}</Button>
            </Popconfirm>
          ) : null}
        </Space>
      </Flex>
      <Card size="small">
        <Flex gap={32} wrap>
          <Statistic title={t('dues.month.members')} value={m.totals.members} />
          <Statistic title={t('dues.month.due')} value={m.totals.due} />
          <Statistic title={t('dues.month.paid')} value={m.totals.paid} />
          <Statistic
            title={t('dues.month.expected')}
            value={yuan(m.state === 'closed' ? (m.expectedFen ?? 0) : m.totals.expectedFen)}
          />
          <Statistic title={t('dues.month.paidFen')} value={yuan(m.totals.paidFen)} />
          <Statistic
            title={t('dues.month.collected')}
            value={yuan(m.state === 'closed' ? (m.collectedFen ?? 0) : m.totals.collectedFen)}
          />
        </Flex>
      </Card>
      <Card size="small">
        <Table<DuesMonthMember>
          rowKey="memberId"
          size="small"
          columns={columns}
          dataSource={m.members}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          data-testid="dues-month-members"
        />
      </Card>
      <PaymentDrawer target={paying} onClose={() => setPaying(null)} />
    </Flex>
  );
}
