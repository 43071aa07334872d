import type { UseQueryResult } from '@tanstack/react-query';
import { Flex, Table, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { LoadError } from '../../../components/LoadError';

/** A tab's list on the class page: its action (when allowed), then the table or its load error. */
export function TabList<T extends { id: number }>({
  action,
  list,
  columns,
  emptyText,
}: {
  action: ReactNode;
  list: UseQueryResult<{ items: T[] }>;
  columns: TableColumnsType<T>;
  emptyText: string;
}) {
  return (
    <Flex vertical gap={12}>
      {action ? <Flex justify="flex-end">{action}</Flex> : null}
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<T>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isPending}
          pagination={false}
          size="small"
          scroll={{ x: 'max-content' }}
          locale={{ emptyText }}
        />
      )}
    </Flex>
  );
}
