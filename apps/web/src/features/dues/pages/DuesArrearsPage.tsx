import { BellOutlined, DownloadOutlined } from '@ant-design/icons';
import { type DuesArrearsItem, displayFen, monthLabel } from '@ningxin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Grid, Select, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KeysetPager } from '../../../components/KeysetPager';
import { LoadError } from '../../../components/LoadError';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { useKeysetPages } from '../../../lib/useKeysetPages';
import { useCurrentUser } from '../../auth/useMe';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { PaymentDrawer, type PaymentTarget } from '../components/PaymentDrawer';
import { duesApi, duesKeys } from '../dues.api';

/** 欠缴党费: members owing months in a subtree, with 补交 and the reminder button. */
export function DuesArrearsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const _client = useQueryClient();
  const screens = Grid.useBreakpoint();
  const canWrite = useCurrentUser().permissions.includes('dues.write');
  const [orgId, setOrgId] = useState<number | undefined>();
  const [minMonths, setMinMonths] = useState(1);
  const [paying, setPaying] = useState<PaymentTarget | null>(null);
  const list = useKeysetPages(duesKeys.arrears(orgId, minMonths), (cursor, signal) =>
    duesApi.arrears(orgId, minMonths, cursor, signal),
  );
  const remind = useMutation({
    mutationFn: () => duesApi.remind(orgId),
    onSuccess: (r) => message.success(t('dues.arrears.reminded', { n: r.sent })),
    onError: (error) => onError(error),
  });
  const columns: TableColumnsType<DuesArrearsItem> = [
    { title: t('dues.arrears.col.name'), dataIndex: 'memberName' },
    { title: t('dues.arrears.col.org'), render: (_, r) => r.org.name, responsive: ['md'] },
    { title: t('dues.arrears.col.months'), dataIndex: 'months', align: 'right' },
    {
      title: t('dues.arrears.col.amount'),
      align: 'right',
      render: (_, r) => displayFen(r.amountFen, 'yuan'),
    },
    { title: t('dues.arrears.col.oldest'), render: (_, r) => monthLabel(r.oldestMonth) },
    ...(canWrite
      ? [
          {
            title: '',
            width: 90,
            render: (_: unknown, r: DuesArrearsItem) => (
              <Button
                size="small"
                onClick={() =>
                  setPaying({ memberId: r.memberId, memberName: r.memberName, fromMonth: r.oldestMonth })
                }
              >
                {t('dues.arrears.pay')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  const totals = list.data?.totals;
  return (
    <Flex vertical gap={16} className="nx-page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
          {t('dues.arrears.title')}
        </Typography.Title>
        <Space wrap>
          <Button icon={<DownloadOutlined aria-hidden />} href={duesApi.arrearsExportUrl(orgId, minMonths)}>
            {t('dues.arrears.export')}
          </Button>
          {canWrite ? (
            <Button
              icon={<BellOutlined aria-hidden />}
              loading={remind.isPending}
              onClick={() => remind.mutate()}
            >
              {t('dues.arrears.remind')}
            </Button>
          ) : null}
        </Space>
      </Flex>
      <Flex gap={8} wrap>
        <OrgTreeSelect
          aria-label={t('dues.org')}
          placeholder={t('dues.org')}
          style={{ minWidth: screens.md ? 260 : '100%' }}
          value={orgId}
          onChange={(v) => setOrgId(v ?? undefined)}
        />
        <Select<number>
          aria-label={t('dues.arrears.minMonths')}
          style={{ width: 150 }}
          value={minMonths}
          onChange={setMinMonths}
          options={[1, 2, 3, 6].map((n) => ({ value: n, label: t('dues.arrears.atLeast', { n }) }))}
        />
      </Flex>
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Card size="small">
          <Table<DuesArrearsItem>
            rowKey="memberId"
            size="small"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isPending}
            pagination={false}
            locale={{ emptyText: t('dues.arrears.empty') }}
            data-testid="dues-arrears"
          />
          <KeysetPager
            totalText={
              totals
                ? t('dues.arrears.totals', {
                    members: totals.members,
                    months: totals.months,
                    amount: displayFen(totals.amountFen, 'yuan'),
                  })
                : undefined
            }
            page={list.page}
            hasPrev={list.hasPrev}
            hasNext={list.hasNext}
            loading={list.isFetching}
            onPrev={list.prev}
            onNext={list.next}
          />
        </Card>
      )}
      <PaymentDrawer target={paying} onClose={() => setPaying(null)} />
    </Flex>
  );
}
