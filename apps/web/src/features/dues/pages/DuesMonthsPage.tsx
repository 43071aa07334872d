import { PlusOutlined } from '@ant-design/icons';
import { type DuesMonthResponse, displayFen, localIsoDate, monthLabel } from '@ningxin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { LoadError } from '../../../components/LoadError';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { useYearOrgParams } from '../../../lib/useYearOrgParams';
import { useCurrentUser } from '../../auth/useMe';
import { YearOrgFilters } from '../../orgs/components/YearOrgFilters';
import { DuesCalculator } from '../components/DuesCalculator';
import { duesApi, duesKeys } from '../dues.api';

const fen = (v: number | null) => (v === null ? '—' : displayFen(v, 'yuan'));

/** 党费收缴: a branch's monthly ledgers of a year, opening this month's, and the calculator. */
export function DuesMonthsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const navigate = useNavigate();
  const canWrite = useCurrentUser().permissions.includes('dues.write');
  const filter = useYearOrgParams();
  const { year, orgId } = filter;
  const thisMonth = localIsoDate(new Date()).slice(0, 7);
  const months = useQuery({
    queryKey: duesKeys.months(orgId, year),
    queryFn: () => duesApi.months(orgId, year),
  });
  const open = useMutation({
    mutationFn: () => duesApi.openMonth(orgId!, thisMonth),
    onSuccess: (m) => {
      message.success(t('dues.months.opened'));
      void client.invalidateQueries({ queryKey: duesKeys.all });
      navigate(`/dues/months/${m.id}`);
    },
    onError: (error) => onError(error),
  });
  const hasThisMonth = months.data?.items.some((m) => m.month === thisMonth && m.org.id === orgId);
  const columns: TableColumnsType<DuesMonthResponse> = [
    {
      title: t('dues.months.col.month'),
      render: (_, m) => <Link to={`/dues/months/${m.id}`}>{monthLabel(m.month)}</Link>,
    },
    { title: t('dues.org'), render: (_, m) => m.org.name },
    {
      title: t('dues.months.col.state'),
      render: (_, m) => <Tag color={m.state === 'closed' ? 'default' : 'processing'}>{m.stateLabel}</Tag>,
    },
    { title: t('dues.months.col.expected'), align: 'right', render: (_, m) => fen(m.expectedFen) },
    { title: t('dues.months.col.collected'), align: 'right', render: (_, m) => fen(m.collectedFen) },
  ];
  return (
    <Flex vertical gap={16} className="nx-page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
          {t('dues.months.title')}
        </Typography.Title>
        {canWrite && orgId && months.data && !hasThisMonth ? (
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            loading={open.isPending}
            onClick={() => open.mutate()}
          >
            {t('dues.months.open', { month: monthLabel(thisMonth) })}
          </Button>
        ) : null}
      </Flex>
      <YearOrgFilters filter={filter} yearLabel={t('dues.year')} orgLabel={t('dues.pickOrg')} />
      {orgId ? null : <Typography.Text type="secondary">{t('dues.months.hint')}</Typography.Text>}
      {months.isError ? (
        <LoadError error={months.error} onRetry={() => void months.refetch()} />
      ) : (
        <Card size="small">
          <Table<DuesMonthResponse>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={months.data?.items ?? []}
            loading={months.isPending}
            pagination={false}
            locale={{ emptyText: t('dues.months.empty') }}
          />
        </Card>
      )}
      <DuesCalculator />
    </Flex>
  );
}
