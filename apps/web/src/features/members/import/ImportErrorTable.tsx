import type { ImportError } from '@ningxin/shared';
import { Grid, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

type Row = ImportError & { key: number };

/**
 * Every error of a checked file: 行号, 列, 内容, 问题, sortable by row. On a phone the last three
 * share one column, so nothing scrolls sideways.
 */
export function ImportErrorTable({ errors }: { errors: ImportError[] }) {
  const { t } = useTranslation();
  const compact = !Grid.useBreakpoint().sm;
  const rowColumn: TableColumnsType<Row>[number] = {
    key: 'row',
    title: t('memberImport.errRow'),
    dataIndex: 'row',
    width: compact ? 64 : 80,
    sorter: (a, b) => a.row - b.row,
    defaultSortOrder: 'ascend',
  };
  const columns: TableColumnsType<Row> = compact
    ? [
        rowColumn,
        {
          key: 'detail',
          title: t('memberImport.errMessage'),
          render: (_, e) => (
            <>
              <Typography.Text strong>{e.column}</Typography.Text>：{e.message}
              {e.value && (
                <Typography.Text type="secondary" className="nx-import-error-value">
                  {t('memberImport.errValue')}：{e.value}
                </Typography.Text>
              )}
            </>
          ),
        },
      ]
    : [
        rowColumn,
        { key: 'column', title: t('memberImport.errColumn'), dataIndex: 'column', width: 120 },
        {
          key: 'value',
          title: t('memberImport.errValue'),
          dataIndex: 'value',
          ellipsis: true,
          width: 220,
          render: (v: string) => v || '—',
        },
        { key: 'message', title: t('memberImport.errMessage'), dataIndex: 'message' },
      ];
  const rows = errors.map((e, i) => ({ ...e, key: i }));
  return (
    <Table<Row>
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={rows.length > 100 ? { pageSize: 100, showSizeChanger: false, simple: compact } : false}
      scroll={compact ? undefined : { x: 'max-content' }}
      showSorterTooltip={false}
    />
  );
}
