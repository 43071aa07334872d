import type { ImportCheck } from '@ningxin/shared';
import { Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../app/i18n/useLabels';

type Group = NonNullable<ImportCheck['stage']>['byOrg'][number];

/** Where the checked rows go: 党组织, 党员类型, 人数, largest first. */
export function ImportStageSummary({ byOrg }: { byOrg: Group[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const columns: TableColumnsType<Group> = [
    { key: 'org', title: t('memberImport.colOrg'), dataIndex: 'orgName' },
    {
      key: 'type',
      title: t('memberImport.colType'),
      render: (_, g) => labels.memberType(g.memberType),
    },
    {
      key: 'count',
      title: t('memberImport.colCount'),
      align: 'right',
      render: (_, g) => g.count.toLocaleString(),
    },
  ];
  return (
    <Table<Group>
      size="small"
      aria-label={t('memberImport.byOrg')}
      rowKey={(g) => `${g.orgId}:${g.memberType}`}
      columns={columns}
      dataSource={byOrg}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
    />
  );
}
