import {
  type ComplianceBranch,
  MEETING_FREQUENCY_LABELS,
  type MeetingFrequency,
  REQUIRED_MEETING_LABELS,
  REQUIRED_MEETINGS,
} from '@ningxin/shared';
import { useQuery } from '@tanstack/react-query';
import { Flex, Grid, List, Space, Switch, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../components/LoadError';
import { type BoardFilters, complianceApi, complianceKeys } from '../compliance.api';
import { percent } from '../complianceDisplay';
import { TypeTag } from './TypeTag';

/** The board tab: each branch's held/required per type and its completion, and the committees' roll-up. */
export function BoardTab({
  filters,
  onOpen,
}: {
  filters: BoardFilters;
  onOpen: (branch: ComplianceBranch) => void;
}) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [onlyBehind, setOnlyBehind] = useState(false);
  const board = useQuery({
    queryKey: complianceKeys.board(filters),
    queryFn: () => complianceApi.board(filters),
  });
  if (board.isError) return <LoadError error={board.error} onRetry={() => void board.refetch()} />;
  const data = board.data;
  const branches = (data?.branches ?? []).filter((b) => !onlyBehind || b.behind.length > 0);
  const typeColumns: TableColumnsType<ComplianceBranch> = REQUIRED_MEETINGS.map((type) => ({
    title: (
      <Flex vertical gap={0}>
        <span>{REQUIRED_MEETING_LABELS[type]}</span>
        {data ? (
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
            {MEETING_FREQUENCY_LABELS[data.frequencies[type] as MeetingFrequency]}
          </Typography.Text>
        ) : null}
      </Flex>
    ),
    key: type,
    align: 'center',
    width: 92,
    render: (_, b) => <TypeTag item={b.types.find((x) => x.type === type)!} />,
  }));
  const columns: TableColumnsType<ComplianceBranch> = [
    {
      title: t('compliance.branch'),
      fixed: 'left',
      width: 230,
      render: (_, b) => (
        <Flex vertical gap={0} align="flex-start">
          <Typography.Link onClick={() => onOpen(b)}>{b.name}</Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {b.committeeName}
          </Typography.Text>
        </Flex>
      ),
    },
    ...typeColumns,
    {
      title: t('compliance.rate'),
      width: 90,
      align: 'right',
      sorter: (x, y) => (x.completionRate ?? 1) - (y.completionRate ?? 1),
      render: (_, b) => (
        <Typography.Text type={b.behind.length ? 'danger' : undefined}>
          {percent(b.completionRate)}
        </Typography.Text>
      ),
    },
  ];
  return (
    <Flex vertical gap={12}>
      {data ? (
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Text data-testid="compliance-summary">
            {t('compliance.summary', {
              branches: data.total.branches,
              behind: data.total.behindBranches,
              rate: percent(data.total.completionRate),
            })}
          </Typography.Text>
          <Space>
            <Switch
              size="small"
              checked={onlyBehind}
              onChange={setOnlyBehind}
              aria-label={t('compliance.onlyBehind')}
            />
            <span>{t('compliance.onlyBehind')}</span>
          </Space>
        </Flex>
      ) : null}
      {!screens.md ? (
        <List
          loading={board.isPending}
          dataSource={branches}
          locale={{ emptyText: t('compliance.empty') }}
          renderItem={(b) => (
            <List.Item
              key={b.orgId}
              onClick={() => onOpen(b)}
              style={{ cursor: 'pointer', display: 'block' }}
            >
              <Flex justify="space-between" align="baseline" gap={8}>
                <Typography.Text strong>{b.name}</Typography.Text>
                <Typography.Text type={b.behind.length ? 'danger' : 'secondary'}>
                  {percent(b.completionRate)}
                </Typography.Text>
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {b.committeeName}
              </Typography.Text>
              <Flex wrap gap={4} style={{ marginTop: 4 }}>
                {b.types.map((item) => (
                  <span key={item.type} style={{ whiteSpace: 'nowrap' }}>
                    <Typography.Text style={{ fontSize: 12 }}>
                      {REQUIRED_MEETING_LABELS[item.type]}{' '}
                    </Typography.Text>
                    <TypeTag item={item} />
                  </span>
                ))}
              </Flex>
            </List.Item>
          )}
        />
      ) : (
        <Table<ComplianceBranch>
          rowKey="orgId"
          size="small"
          columns={columns}
          dataSource={branches}
          loading={board.isPending}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('compliance.empty') }}
          data-testid="compliance-board"
        />
      )}
      {data && data.committees.length > 1 ? (
        <Table
          rowKey={(c) => c.orgId ?? 0}
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={data.committees}
          columns={[
            { title: t('compliance.committee'), dataIndex: 'name' },
            { title: t('compliance.branch'), dataIndex: 'branches', align: 'right' },
            {
              title: t('compliance.status.behind'),
              dataIndex: 'behindBranches',
              align: 'right',
              render: (n: number) => <Typography.Text type={n ? 'danger' : undefined}>{n}</Typography.Text>,
            },
            { title: t('compliance.rate'), align: 'right', render: (_, c) => percent(c.completionRate) },
          ]}
        />
      ) : null}
    </Flex>
  );
}
