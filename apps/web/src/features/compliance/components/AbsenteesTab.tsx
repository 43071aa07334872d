import { useQuery } from '@tanstack/react-query';
import { Flex, Grid, InputNumber, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../components/LoadError';
import { complianceApi, complianceKeys } from '../compliance.api';

/** The absentees tab: members who missed their latest n held meetings in a row. */
export function AbsenteesTab({ orgId }: { orgId: number | undefined }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [n, setN] = useState(3);
  const list = useQuery({
    queryKey: complianceKeys.absentees(orgId, n),
    queryFn: () => complianceApi.absentees(orgId, n),
  });
  return (
    <Flex vertical gap={12}>
      <Space wrap>
        <span>{t('compliance.absentees.n')}</span>
        <InputNumber
          min={2}
          max={24}
          value={n}
          onChange={(v) => setN(v ?? 3)}
          aria-label={t('compliance.absentees.n')}
        />
        <Typography.Text type="secondary">{t('compliance.absentees.hint')}</Typography.Text>
      </Space>
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table
          rowKey="memberId"
          size="small"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('compliance.absentees.empty', { n }) }}
          data-testid="absentees"
          columns={[
            { title: t('compliance.absentees.name'), dataIndex: 'name', fixed: 'left' },
            { title: t('compliance.absentees.org'), dataIndex: 'orgName', responsive: ['md'] },
            {
              title: t('compliance.absentees.missed'),
              dataIndex: 'missed',
              align: 'right',
              render: (v: number) => <Typography.Text type="danger">{v}</Typography.Text>,
            },
            {
              title: t('compliance.absentees.lastAttended'),
              dataIndex: 'lastAttendedOn',
              render: (v: string | null) => v ?? t('compliance.absentees.never'),
            },
            ...(screens.md
              ? [{ title: t('compliance.absentees.lastMissed'), dataIndex: 'lastMissedOn' }]
              : []),
          ]}
        />
      )}
      {list.data?.truncated ? (
        <Typography.Text type="secondary">
          {t('compliance.absentees.truncated', { count: list.data.items.length })}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
