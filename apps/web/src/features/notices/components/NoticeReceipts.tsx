import { BellOutlined } from '@ant-design/icons';
import type { NoticeReceipt, NoticeResponse } from '@ningxin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Segmented, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadMoreButton } from '../../../components/LoadMoreButton';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { useCursorList } from '../../../lib/useCursorList';
import { useFormatters } from '../../../lib/useFormatters';
import { noticeKeys, noticesApi, type ReceiptState } from '../notices.api';

/** 阅读回执: each recipient read or not, and 提醒未读 for the sender. */
export function NoticeReceipts({ notice }: { notice: NoticeResponse }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [state, setState] = useState<ReceiptState>('unread');
  const receipts = useCursorList(noticeKeys.receipts(notice.id, state), (cursor: number | undefined) =>
    noticesApi.receipts(notice.id, state, cursor),
  );
  const remind = useMutation({
    mutationFn: () => noticesApi.remind(notice.id),
    onSuccess: (r) => {
      message.success(t('notices.detail.reminded', { count: r.reminded }));
      void queryClient.invalidateQueries({ queryKey: noticeKeys.detail(notice.id) });
      void queryClient.invalidateQueries({ queryKey: ['notices', 'receipts', notice.id] });
    },
    onError: (e) => {
      onError(e);
      void queryClient.invalidateQueries({ queryKey: noticeKeys.detail(notice.id) });
    },
  });
  const counts = notice.counts;
  const rows = receipts.data?.pages.flatMap((p) => p.items) ?? [];
  const columns: TableColumnsType<NoticeReceipt> = [
    { title: t('notices.detail.name'), dataIndex: 'name' },
    {
      title: t('notices.detail.org'),
      dataIndex: 'orgName',
      responsive: ['sm'],
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('notices.detail.kind'),
      dataIndex: 'kind',
      width: 90,
      responsive: ['md'],
      render: (k: NoticeReceipt['kind']) => t(`notices.detail.${k}`),
    },
    {
      title: t('notices.detail.readTime'),
      dataIndex: 'readAt',
      render: (readAt: string | null) =>
        readAt ? (
          <Tag color="green">
            {t('notices.detail.read')} {fmt.dateTime(readAt)}
          </Tag>
        ) : (
          <Tag>{t('notices.detail.notRead')}</Tag>
        ),
    },
  ];
  const remindHint = notice.nextRemindAt
    ? t('notices.detail.nextRemind', { time: fmt.dateTime(notice.nextRemindAt) })
    : notice.lastRemindedAt
      ? t('notices.detail.lastReminded', { time: fmt.dateTime(notice.lastRemindedAt) })
      : undefined;
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Segmented<ReceiptState>
          value={state}
          onChange={setState}
          options={[
            { value: 'unread', label: `${t('notices.detail.unread')} ${counts?.unread ?? 0}` },
            { value: 'read', label: `${t('notices.detail.read')} ${counts?.read ?? 0}` },
            { value: 'all', label: `${t('notices.detail.all')} ${counts?.recipients ?? 0}` },
          ]}
        />
        <Tooltip title={remindHint}>
          <Button
            icon={<BellOutlined aria-hidden />}
            disabled={!notice.policies.remind}
            loading={remind.isPending}
            onClick={() => remind.mutate()}
          >
            {t('notices.detail.remind')}
          </Button>
        </Tooltip>
      </Flex>
      {remindHint && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {remindHint}
        </Typography.Text>
      )}
      <Table<NoticeReceipt>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={receipts.isPending}
        pagination={false}
      />
      <LoadMoreButton
        hasMore={receipts.hasNextPage}
        loading={receipts.isFetchingNextPage}
        onLoad={receipts.loadMore}
      />
    </Flex>
  );
}
