import { CheckOutlined } from '@ant-design/icons';
import type { InboxItemResponse } from '@ningxin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Card, Flex, List, Segmented, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LoadError } from '../../../components/LoadError';
import { LoadMoreButton } from '../../../components/LoadMoreButton';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { useCursorList } from '../../../lib/useCursorList';
import { useFormatters } from '../../../lib/useFormatters';
import '../components/notices.css';
import { inboxApi, inboxKeys, noticeKeys } from '../notices.api';

const KIND_COLORS: Record<string, string> = { notice: 'blue', notice_reminder: 'orange', anniversary: 'red' };

/** 收件箱: notices and system messages; opening one goes where it leads and marks it read. */
export function InboxPage() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [unread, setUnread] = useState(false);
  const inbox = useCursorList(inboxKeys.list(unread), (cursor: number | undefined) =>
    inboxApi.list(unread, cursor),
  );
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: inboxKeys.all });
    void queryClient.invalidateQueries({ queryKey: noticeKeys.all });
  };
  const open = useMutation({
    mutationFn: (item: InboxItemResponse) => inboxApi.read(item.id),
    onSuccess: refresh,
    onError: (e) => onError(e),
  });
  const readAll = useMutation({
    mutationFn: inboxApi.readAll,
    onSuccess: () => {
      message.success(t('notices.inbox.readAllDone'));
      refresh();
    },
    onError: (e) => onError(e),
  });
  const items = inbox.data?.pages.flatMap((p) => p.items) ?? [];
  const count = inbox.data?.pages[0]?.unread ?? 0;
  return (
    <Flex vertical gap={16} className="nx-page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex align="center" gap={8}>
          <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
            {t('notices.inbox.title')}
          </Typography.Title>
          {count > 0 && (
            <Badge count={count} overflowCount={999} aria-label={t('notices.inbox.unreadCount', { count })} />
          )}
        </Flex>
        <Button
          icon={<CheckOutlined aria-hidden />}
          disabled={count === 0}
          loading={readAll.isPending}
          onClick={() => readAll.mutate()}
        >
          {t('notices.inbox.readAll')}
        </Button>
      </Flex>
      <Segmented
        value={unread ? 'unread' : 'all'}
        onChange={(v) => setUnread(v === 'unread')}
        options={[
          { value: 'all', label: t('notices.inbox.all') },
          { value: 'unread', label: t('notices.inbox.unreadOnly') },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      <Card size="small">
        {inbox.isError ? (
          <LoadError error={inbox.error} onRetry={() => void inbox.refetch()} />
        ) : (
          <List<InboxItemResponse>
            loading={inbox.isPending}
            dataSource={items}
            locale={{ emptyText: t('notices.inbox.empty') }}
            loadMore={
              <LoadMoreButton
                hasMore={inbox.hasNextPage}
                loading={inbox.isFetchingNextPage}
                onLoad={inbox.loadMore}
              />
            }
            renderItem={(item) => (
              <List.Item className={item.readAt ? undefined : 'nx-inbox-unread'}>
                <List.Item.Meta
                  avatar={
                    <Badge dot={!item.readAt} offset={[-2, 2]}>
                      <Tag color={KIND_COLORS[item.kind] ?? 'default'}>{item.kindLabel}</Tag>
                    </Badge>
                  }
                  title={
                    item.link ? (
                      <Link
                        to={item.link}
                        onClick={() => open.mutate(item)}
                        style={item.readAt ? undefined : { fontWeight: 600 }}
                      >
                        {item.title}
                      </Link>
                    ) : (
                      <Typography.Link onClick={() => open.mutate(item)}>{item.title}</Typography.Link>
                    )
                  }
                  description={fmt.dateTime(item.createdAt)}
                />
              </List.Item>
            )}
          />
        )}
      </Card>
    </Flex>
  );
}
