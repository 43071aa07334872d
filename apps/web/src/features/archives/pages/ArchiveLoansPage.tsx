import {
  ARCHIVE_LOAN_STATES,
  type ArchiveLoanResponse,
  type ArchiveLoanState,
  localIsoDate,
} from '@ningxin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Flex,
  Popconfirm,
  Segmented,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { KeysetPager } from '../../../components/KeysetPager';
import { LoadError } from '../../../components/LoadError';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { useKeysetPages } from '../../../lib/useKeysetPages';
import { archivesApi, archivesKeys } from '../archives.api';

/** 档案借阅: loans out (overdue highlighted), overdue, all; 归还 on each loan out. */
export function ArchiveLoansPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const state = (ARCHIVE_LOAN_STATES as readonly string[]).includes(params.get('state') ?? '')
    ? (params.get('state') as ArchiveLoanState)
    : 'out';
  const list = useKeysetPages(archivesKeys.loans(state), (cursor, signal) =>
    archivesApi.loans(state, cursor, signal),
  );
  const giveBack = useMutation({
    mutationFn: (id: number) => archivesApi.giveBack(id, { returnedOn: localIsoDate(new Date()) }),
    onSuccess: () => {
      message.success(t('archives.loans.returned'));
      void client.invalidateQueries({ queryKey: archivesKeys.all });
    },
    onError: (error) => onError(error),
  });
  const columns: TableColumnsType<ArchiveLoanResponse> = [
    { title: t('archives.loans.col.item'), render: (_, r) => `${r.item.code} ${r.item.title}` },
    {
      title: t('archives.loans.col.borrower'),
      render: (_, r) => `${r.borrowerName}${r.borrowerUnit ? `（${r.borrowerUnit}）` : ''}`,
    },
    { title: t('archives.loans.col.purpose'), dataIndex: 'purpose', responsive: ['lg'] },
    { title: t('archives.loans.col.lentOn'), dataIndex: 'lentOn', width: 110 },
    {
      title: t('archives.loans.col.dueOn'),
      width: 180,
      render: (_, r) => (
        <Flex gap={4} wrap>
          <Typography.Text type={r.overdue ? 'danger' : undefined}>{r.dueOn}</Typography.Text>
          {r.overdue ? <Tag color="error">{t('archives.loans.days', { days: r.daysOverdue })}</Tag> : null}
        </Flex>
      ),
    },
    { title: t('archives.loans.col.returnedOn'), width: 110, render: (_, r) => r.returnedOn ?? '' },
    {
      title: '',
      width: 90,
      render: (_, r) =>
        r.canReturn ? (
          <Popconfirm title={t('archives.loans.giveBackConfirm')} onConfirm={() => giveBack.mutate(r.id)}>
            <Button size="small" loading={giveBack.isPending && giveBack.variables === r.id}>
              {t('archives.loans.giveBack')}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];
  return (
    <Flex vertical gap={16} className="nx-page" data-testid="archive-loans">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
          {t('archives.loans.title')}
        </Typography.Title>
        <Segmented<ArchiveLoanState>
          value={state}
          onChange={(v) => setParams({ state: v })}
          options={ARCHIVE_LOAN_STATES.map((s) => ({ value: s, label: t(`archives.loans.state.${s}`) }))}
        />
      </Flex>
      <Card size="small">
        {list.isError ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Flex vertical gap={12}>
            <Table<ArchiveLoanResponse>
              rowKey="id"
              columns={columns}
              dataSource={list.data?.items ?? []}
              loading={list.isPending}
              pagination={false}
              size="middle"
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('archives.loans.empty') }}
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
    </Flex>
  );
}
