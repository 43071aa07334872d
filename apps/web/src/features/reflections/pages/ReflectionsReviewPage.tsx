import { StarFilled } from '@ant-design/icons';
import {
  REFLECTION_STATE_LABELS,
  REFLECTION_STATES,
  type ReflectionResponse,
  type ReflectionState,
} from '@ningxin/shared';
import {
  Card,
  Checkbox,
  Flex,
  Grid,
  Input,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { KeysetPager } from '../../../components/KeysetPager';
import { LoadError } from '../../../components/LoadError';
import { useFormatters } from '../../../lib/useFormatters';
import { useKeysetPages } from '../../../lib/useKeysetPages';
import { ReflectionList } from '../components/ReflectionList';
import { REFLECTION_COLORS } from '../reflectionColors';
import { type ReflectionFilters, reflectionKeys, reflectionsApi } from '../reflections.api';

/** 心得体会审核 (desk): the reflections of the reviewer's subtree, awaiting review first by default. */
export function ReflectionsReviewPage() {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const { dateTime } = useFormatters();
  const [filters, setFilters] = useState<ReflectionFilters>({ state: 'submitted' });
  const list = useKeysetPages(reflectionKeys.list(filters), (cursor, signal) =>
    reflectionsApi.list(filters, cursor, signal),
  );
  const setFilter = (patch: Partial<ReflectionFilters>) => setFilters({ ...filters, ...patch });
  const columns: TableColumnsType<ReflectionResponse> = [
    {
      title: t('reflections.review.col.title'),
      render: (_, r) => (
        <Flex gap={6} align="center">
          <Link to={`/reflections/${r.id}`}>{r.title}</Link>
          {r.featuredAt ? (
            <StarFilled style={{ color: '#d4a017' }} aria-label={t('reflections.featured.tag')} />
          ) : null}
          {r.counts.pendingComments ? (
            <Tag color="processing">{t('reflections.review.pendingComments')}</Tag>
          ) : null}
        </Flex>
      ),
    },
    { title: t('reflections.review.col.author'), width: 100, render: (_, r) => r.author.name },
    { title: t('reflections.review.col.org'), responsive: ['lg'], render: (_, r) => r.org.name },
    {
      title: t('reflections.review.col.subject'),
      responsive: ['lg'],
      render: (_, r) => `${r.subject.typeLabel}：${r.subject.title ?? '—'}`,
    },
    { title: t('reflections.review.col.submittedAt'), width: 170, render: (_, r) => dateTime(r.submittedAt) },
    {
      title: t('reflections.review.col.state'),
      width: 90,
      render: (_, r) => <Tag color={REFLECTION_COLORS[r.state]}>{r.stateLabel}</Tag>,
    },
  ];
  return (
    <Flex vertical gap={16} className="nx-page">
      <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
        {t('reflections.review.title')}
      </Typography.Title>
      <Flex gap={8} wrap align="center">
        <Select<ReflectionState | ''>
          aria-label={t('reflections.review.col.state')}
          style={{ minWidth: 120 }}
          value={filters.state ?? ''}
          onChange={(v) => setFilter({ state: v || undefined })}
          options={[
            { value: '', label: t('reflections.review.allStates') },
            ...REFLECTION_STATES.map((s) => ({ value: s, label: REFLECTION_STATE_LABELS[s] })),
          ]}
        />
        <Checkbox
          checked={filters.pendingComments === 'true'}
          onChange={(e) => setFilter({ pendingComments: e.target.checked ? 'true' : undefined })}
        >
          {t('reflections.review.pendingComments')}
        </Checkbox>
        <Input.Search
          allowClear
          placeholder={t('reflections.review.search')}
          aria-label={t('reflections.review.search')}
          style={{ maxWidth: 240 }}
          onSearch={(v) => setFilter({ q: v.trim() || undefined })}
        />
      </Flex>
      <Card size="small">
        {list.isError ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Flex vertical gap={12}>
            {!screens.md ? (
              <ReflectionList
                items={list.data?.items ?? []}
                loading={list.isPending}
                empty={t('reflections.review.empty')}
              />
            ) : (
              <Table<ReflectionResponse>
                rowKey="id"
                columns={columns}
                dataSource={list.data?.items ?? []}
                loading={list.isPending}
                pagination={false}
                size="middle"
                scroll={{ x: 'max-content' }}
                locale={{ emptyText: t('reflections.review.empty') }}
              />
            )}
            <KeysetPager
              totalText={undefined}
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
    </Flex>
  );
}
