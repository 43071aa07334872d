import { EditOutlined } from '@ant-design/icons';
import type { StudyBoardItem, StudyBoardSort } from '@ningxin/shared';
import { Button, Flex, Table, type TableColumnsType, type TableProps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KeysetPager } from '../../../components/KeysetPager';
import { LoadError } from '../../../components/LoadError';
import { useKeysetPages } from '../../../lib/useKeysetPages';
import { type BoardOrder, type StudyFilters, studyApi, studyKeys } from '../study.api';

const DEFAULT_ORDER: BoardOrder = { sort: 'gap', order: 'desc' };

/**
 * The threshold board: members below their yearly requirement with the gap, sorted by the server
 * (gap, hours, name), a page at a time; a name opens the member's hours, 录入学时 records offline study.
 */
export function BoardTab({
  filters,
  onOpen,
  onRecord,
}: {
  filters: StudyFilters;
  onOpen: (m: { id: number; name: string }) => void;
  onRecord: (m: { id: number; name: string }) => void;
}) {
  const { t } = useTranslation();
  const [order, setOrder] = useState<BoardOrder>(DEFAULT_ORDER);
  const board = useKeysetPages(studyKeys.board(filters, order), (cursor, signal) =>
    studyApi.board(filters, order, cursor, signal),
  );
  const sortOf = (key: StudyBoardSort) =>
    order.sort === key ? (order.order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null;
  const canRecord = board.data?.policies.record ?? false;
  const columns: TableColumnsType<StudyBoardItem> = [
    {
      title: t('study.col.name'),
      key: 'name',
      sorter: true,
      sortOrder: sortOf('name'),
      render: (_, m) => (
        <Button
          type="link"
          style={{ padding: 0, height: 'auto' }}
          onClick={() => onOpen({ id: m.memberId, name: m.name })}
        >
          {m.name}
        </Button>
      ),
    },
    { title: t('study.col.committee'), dataIndex: 'committeeName', responsive: ['lg'] },
    { title: t('study.col.org'), dataIndex: 'orgName', responsive: ['md'] },
    {
      title: t('study.col.role'),
      render: (_, m) => (m.cadre ? <Tag color="blue">{t('study.cadre')}</Tag> : t('study.member')),
      responsive: ['md'],
    },
    { title: t('study.col.required'), dataIndex: 'required', align: 'right', responsive: ['sm'] },
    {
      title: t('study.col.hours'),
      key: 'hours',
      dataIndex: 'hours',
      align: 'right',
      sorter: true,
      sortOrder: sortOf('hours'),
    },
    {
      title: t('study.col.gap'),
      key: 'gap',
      align: 'right',
      sorter: true,
      sortOrder: sortOf('gap'),
      render: (_, m) => (
        <Typography.Text type="danger" data-testid="board-gap">
          {m.gap}
        </Typography.Text>
      ),
    },
    ...(canRecord
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, m: StudyBoardItem) => (
              <Button
                type="link"
                size="small"
                icon={<EditOutlined aria-hidden />}
                onClick={() => onRecord({ id: m.memberId, name: m.name })}
              >
                {t('study.record')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  const onChange: TableProps<StudyBoardItem>['onChange'] = (_p, _f, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = s?.columnKey as StudyBoardSort | undefined;
    if (!s?.order || !key) setOrder(DEFAULT_ORDER);
    else setOrder({ sort: key, order: s.order === 'ascend' ? 'asc' : 'desc' });
  };
  if (board.isError) return <LoadError error={board.error} onRetry={() => void board.refetch()} />;
  return (
    <Flex vertical gap={12}>
      {board.data ? (
        <Typography.Text type="secondary">
          {t('study.thresholds', {
            member: board.data.thresholds.memberHours,
            cadre: board.data.thresholds.cadreHours,
          })}
        </Typography.Text>
      ) : null}
      <Table<StudyBoardItem>
        rowKey="memberId"
        size="small"
        columns={columns}
        dataSource={board.data?.items ?? []}
        loading={board.isFetching}
        pagination={false}
        onChange={onChange}
        showSorterTooltip={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('study.emptyBoard') }}
        data-testid="study-board"
      />
      <KeysetPager
        totalText={board.data ? t('study.belowTotal', { count: board.data.total }) : undefined}
        page={board.page}
        hasPrev={board.hasPrev}
        hasNext={board.hasNext}
        loading={board.isFetching}
        onPrev={board.prev}
        onNext={board.next}
      />
    </Flex>
  );
}
