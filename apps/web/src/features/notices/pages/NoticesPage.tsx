import { PlusOutlined } from '@ant-design/icons';
import type { NoticeListItem } from '@ningxin/shared';
import {
  Button,
  Card,
  Flex,
  Input,
  Progress,
  Segmented,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { LoadError } from '../../../components/LoadError';
import { LoadMoreButton } from '../../../components/LoadMoreButton';
import { useCursorList } from '../../../lib/useCursorList';
import { useFormatters } from '../../../lib/useFormatters';
import { noticeKeys, noticesApi } from '../notices.api';

/** 通知公告: the notices the user sent or that were sent within the user's scope, with read counts. */
export function NoticesPage() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const navigate = useNavigate();
  const [mine, setMine] = useState(false);
  const [q, setQ] = useState('');
  const list = useCursorList(noticeKeys.list(mine, q), (cursor: number | undefined) =>
    noticesApi.list(mine, q, cursor),
  );
  const rows = list.items;
  const columns: TableColumnsType<NoticeListItem> = [
    {
      title: t('notices.col.title'),
      dataIndex: 'title',
      render: (title: string, n) => (
        <Flex vertical gap={2}>
          <Link to={`/notices/${n.id}`}>{title}</Link>
          <Typography.Text type="secondary" className="nx-notice-sub">
            {n.sender.name}
            {n.senderOrg ? ` · ${n.senderOrg.name}` : ''}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('notices.col.state'),
      dataIndex: 'state',
      width: 90,
      responsive: ['md'],
      render: (state: NoticeListItem['state']) => (
        <Tag color={state === 'published' ? 'green' : 'blue'}>{t(`notices.state.${state}`)}</Tag>
      ),
    },
    {
      title: t('notices.col.publishedAt'),
      width: 170,
      responsive: ['md'],
      render: (_, n) => fmt.dateTime(n.publishedAt ?? n.publishAt),
    },
    {
      title: t('notices.col.read'),
      width: 160,
      render: (_, n) =>
        n.state === 'published' ? (
          <Flex vertical gap={0}>
            <Typography.Text>
              {t('notices.readOf', { read: n.counts.read, total: n.counts.recipients })}
            </Typography.Text>
            <Progress
              percent={n.counts.recipients ? Math.round((n.counts.read / n.counts.recipients) * 100) : 0}
              size="small"
              showInfo={false}
              aria-hidden
            />
          </Flex>
        ) : (
          <Tag color="blue">{t('notices.state.scheduled')}</Tag>
        ),
    },
  ];
  return (
    <Flex vertical gap={16} className="nx-page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
          {t('notices.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => navigate('/notices/new')}>
          {t('notices.compose')}
        </Button>
      </Flex>
      <Flex gap={8} wrap>
        <Segmented
          value={mine ? 'mine' : 'all'}
          onChange={(v) => setMine(v === 'mine')}
          options={[
            { value: 'all', label: t('notices.detail.all') },
            { value: 'mine', label: t('notices.mineOnly') },
          ]}
        />
        <Input.Search
          allowClear
          placeholder={t('notices.search')}
          aria-label={t('notices.search')}
          style={{ maxWidth: 260 }}
          onSearch={(v) => setQ(v.trim())}
        />
      </Flex>
      <Card size="small">
        {list.isError ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <>
            <Table<NoticeListItem>
              rowKey="id"
              columns={columns}
              dataSource={rows}
              loading={list.isPending}
              pagination={false}
              size="middle"
              locale={{ emptyText: t('notices.empty') }}
            />
            <LoadMoreButton
              hasMore={list.hasNextPage}
              loading={list.isFetchingNextPage}
              onLoad={list.loadMore}
            />
          </>
        )}
      </Card>
    </Flex>
  );
}
