import { Card, Empty, Flex, Grid, Spin, Table, type TableColumnsType, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { useKeysetPages } from '../lib/useKeysetPages';
import { KeysetPager } from './KeysetPager';
import { LoadError } from './LoadError';
import './records.css';

/** A record as a card on a phone. */
export interface RecordCard {
  /** The card's accessible name, where the title is more than text (a link, a tag beside it). */
  label?: string;
  title: ReactNode;
  tag: ReactNode;
  lines: ReactNode[];
  actions: ReactNode;
}

type KeysetList<T> = ReturnType<typeof useKeysetPages<{ items: T[]; nextCursor: string | null }>>;

/**
 * A keyset-paged list of records (a ledger: certificates, transfers, meetings …): a table on a
 * desk, one card a record on a phone, 上一页 / 下一页 below, and a retry when a page fails to load.
 * `alert` marks records that need attention (red row, red card).
 */
export function PagedRecords<T extends { id: number }>({
  list,
  columns,
  card,
  empty,
  alert,
  totalText,
  summary,
  extra,
}: {
  list: KeysetList<T>;
  columns: TableColumnsType<T>;
  card: (record: T) => RecordCard;
  empty: string;
  alert?: (record: T) => boolean;
  totalText?: string;
  /** A line above the list (the totals of all that match). */
  summary?: ReactNode;
  /** Beside the card's top edge (export, add). */
  extra?: ReactNode;
}) {
  const screens = Grid.useBreakpoint();
  const items = list.data?.items ?? [];
  return (
    <Card size="small" extra={extra}>
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Flex vertical gap={12}>
          {summary}
          {!screens.md ? (
            <RecordCards records={items} card={card} alert={alert} loading={list.isPending} empty={empty} />
          ) : (
            <Table<T>
              rowKey="id"
              columns={columns}
              dataSource={items}
              loading={list.isPending}
              pagination={false}
              size="middle"
              scroll={{ x: 'max-content' }}
              rowClassName={(r) => (alert?.(r) ? 'nx-row-alert' : '')}
              locale={{ emptyText: empty }}
            />
          )}
          <KeysetPager
            totalText={totalText}
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
  );
}

/** The records as cards on a phone: one card a record, its actions at the bottom. */
function RecordCards<T extends { id: number }>({
  records,
  card,
  alert,
  loading,
  empty,
}: {
  records: T[];
  card: (record: T) => RecordCard;
  alert: ((record: T) => boolean) | undefined;
  loading: boolean;
  empty: string;
}) {
  if (loading && records.length === 0) return <Spin style={{ display: 'block', margin: 24 }} />;
  if (records.length === 0) return <Empty description={empty} />;
  return (
    <Flex vertical gap={8} role="list">
      {records.map((r) => {
        const c = card(r);
        return (
          <Card
            key={r.id}
            size="small"
            role="listitem"
            aria-label={c.label}
            className={alert?.(r) ? 'nx-record-card-alert' : undefined}
            title={c.title}
            extra={c.tag}
          >
            <Flex vertical gap={2}>
              {c.lines.map((line, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one card never move.
                <Typography.Text key={i}>{line}</Typography.Text>
              ))}
              <div>{c.actions}</div>
            </Flex>
          </Card>
        );
      })}
    </Flex>
  );
}
