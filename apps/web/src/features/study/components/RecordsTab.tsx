import { DeleteOutlined } from '@ant-design/icons';
import type { StudyRecordListResponse, StudyRecordResponse } from '@ningxin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Popconfirm, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../components/LoadError';
import { LoadMoreButton } from '../../../components/LoadMoreButton';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { useCursorList } from '../../../lib/useCursorList';
import { type StudyFilters, studyApi, studyKeys } from '../study.api';

/** The offline study recorded for the members in scope, newest first; a writer deletes one. */
export function RecordsTab({ filters }: { filters: StudyFilters }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const list = useCursorList<StudyRecordListResponse>(studyKeys.records(filters), (cursor, signal) =>
    studyApi.records(filters, cursor, signal),
  );
  const remove = useMutation({
    mutationFn: (id: number) => studyApi.removeRecord(id),
    onSuccess: () => {
      message.success(t('study.removed'));
      void client.invalidateQueries({ queryKey: studyKeys.all });
    },
    onError: (error) => onError(error),
  });
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  const columns: TableColumnsType<StudyRecordResponse> = [
    { title: t('study.col.studiedOn'), dataIndex: 'studiedOn' },
    { title: t('study.col.name'), render: (_, r) => r.member.name },
    { title: t('study.col.org'), render: (_, r) => r.org.name, responsive: ['md'] },
    { title: t('study.col.title'), dataIndex: 'title' },
    { title: t('study.col.hours'), dataIndex: 'hours', align: 'right' },
    { title: t('study.col.recordedBy'), dataIndex: 'recordedBy', responsive: ['lg'] },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, r) =>
        r.policies.delete ? (
          <Popconfirm title={t('study.removeConfirm')} onConfirm={() => remove.mutate(r.id)}>
            <Button type="link" size="small" danger icon={<DeleteOutlined aria-hidden />}>
              {t('study.remove')}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];
  return (
    <Flex vertical>
      <Table<StudyRecordResponse>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.items}
        loading={list.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('study.emptyRecords') }}
      />
      <LoadMoreButton hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={list.loadMore} />
    </Flex>
  );
}
