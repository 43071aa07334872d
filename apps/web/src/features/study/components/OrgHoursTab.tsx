import type { OrgStudyHoursItem } from '@ningxin/shared';
import { useQuery } from '@tanstack/react-query';
import { Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../components/LoadError';
import { type StudyFilters, studyApi, studyKeys } from '../study.api';

/** The hours of the members in scope by the org they are placed in, with the totals by source. */
export function OrgHoursTab({ filters }: { filters: StudyFilters }) {
  const { t } = useTranslation();
  const orgs = useQuery({ queryKey: studyKeys.orgs(filters), queryFn: () => studyApi.orgs(filters) });
  if (orgs.isError) return <LoadError error={orgs.error} onRetry={() => void orgs.refetch()} />;
  const columns: TableColumnsType<OrgStudyHoursItem> = [
    { title: t('study.col.org'), dataIndex: 'name' },
    { title: t('study.col.committee'), dataIndex: 'committeeName', responsive: ['lg'] },
    {
      title: t('study.col.members'),
      dataIndex: 'members',
      align: 'right',
      sorter: (a, b) => a.members - b.members,
    },
    {
      title: t('study.col.hours'),
      dataIndex: 'hours',
      align: 'right',
      sorter: (a, b) => a.hours - b.hours,
      responsive: ['md'],
    },
    {
      title: t('study.col.average'),
      dataIndex: 'averageHours',
      align: 'right',
      sorter: (a, b) => a.averageHours - b.averageHours,
    },
    {
      title: t('study.col.below'),
      dataIndex: 'below',
      align: 'right',
      defaultSortOrder: 'descend',
      sorter: (a, b) => a.below - b.below,
      render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
    },
  ];
  return (
    <Flex vertical gap={12}>
      {orgs.data ? (
        <Flex wrap gap={6}>
          {orgs.data.total.bySource.map((s) => (
            <Tag key={s.source} bordered={false}>
              {s.label} {s.hours}
            </Tag>
          ))}
          <Tag color="error" bordered={false}>
            {t('study.belowTotal', { count: orgs.data.total.below })}
          </Tag>
        </Flex>
      ) : null}
      <Table<OrgStudyHoursItem>
        rowKey="orgId"
        size="small"
        columns={columns}
        dataSource={orgs.data?.items ?? []}
        loading={orgs.isPending}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('study.emptyOrgs') }}
      />
    </Flex>
  );
}
