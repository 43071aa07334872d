import { Table } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A figure as the tables show it: grouped digits, a dash where it does not apply. */
export const figure = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : v.toLocaleString('zh-CN');

export interface FigureColumn<R> {
  key: string;
  title: string;
  value: (row: R) => number | null | undefined;
  /** The cell, where it is more than the figure (a link to the list behind it). */
  render?: (row: R, text: string) => ReactNode;
  /** The test id of the column's total. */
  totalTestId?: string;
}

/**
 * The table behind a statistics chart: one named row per group, the figures right-aligned, and
 * the bold total row kept in sight below them.
 */
export function FigureTable<R extends { key: string; name: string }>({
  rowLabel,
  rows,
  columns,
  total,
  loading,
  height,
  emptyText,
}: {
  /** What a row is (the first column's heading). */
  rowLabel: string;
  rows: readonly R[];
  columns: readonly FigureColumn<R>[];
  /** By column key; no total row while there is none. */
  total: Readonly<Record<string, number | null | undefined>> | undefined;
  loading: boolean;
  /** The rows' scroll height (none: the whole table). */
  height?: number;
  emptyText?: string;
}) {
  const { t } = useTranslation();
  return (
    <Table<R>
      rowKey="key"
      size="small"
      loading={loading}
      dataSource={rows as R[]}
      pagination={false}
      scroll={{ x: 'max-content', ...(height ? { y: height } : {}) }}
      locale={{ emptyText: emptyText ?? t('stats.empty') }}
      columns={[
        { key: 'name', title: rowLabel, dataIndex: 'name', fixed: 'left' },
        ...columns.map((c) => ({
          key: c.key,
          title: c.title,
          align: 'right' as const,
          render: (_: unknown, r: R) => {
            const text = figure(c.value(r));
            return c.render ? c.render(r, text) : text;
          },
        })),
      ]}
      summary={() =>
        total && rows.length ? (
          <Table.Summary fixed>
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <strong>{t('stats.total')}</strong>
              </Table.Summary.Cell>
              {columns.map((c, i) => (
                <Table.Summary.Cell key={c.key} index={i + 1} align="right">
                  <strong data-testid={c.totalTestId}>{figure(total[c.key])}</strong>
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          </Table.Summary>
        ) : null
      }
    />
  );
}
