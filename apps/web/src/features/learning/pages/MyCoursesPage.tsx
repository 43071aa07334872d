import type { MyCourseItem } from '@ningxin/shared';
import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Flex, List, Progress, Segmented, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LoadError } from '../../../components/LoadError';
import { PageSpinner } from '../../../components/PageSpinner';
import { useFormatters } from '../../../lib/useFormatters';
import { courseKeys, coursesApi } from '../learning.api';

type Tab = 'required' | 'optional' | 'done';

/** The share of a course's time studied, 0 to 100. */
export const percentOf = (c: Pick<MyCourseItem, 'countedSeconds' | 'plannedMinutes' | 'completedAt'>) =>
  c.completedAt ? 100 : Math.min(99, Math.floor((c.countedSeconds * 100) / (c.plannedMinutes * 60)));

/** 学习课程 (phone first): the courses addressed to me, required first, with my progress. */
export function MyCoursesPage() {
  const { t } = useTranslation();
  const { date } = useFormatters();
  const mine = useQuery({ queryKey: courseKeys.mine, queryFn: coursesApi.mine });
  const [tab, setTab] = useState<Tab>('required');
  if (mine.isPending) return <PageSpinner />;
  if (mine.isError) return <LoadError error={mine.error} onRetry={() => void mine.refetch()} />;
  const items = mine.data.items.filter((c) =>
    tab === 'done' ? !!c.completedAt : !c.completedAt && c.required === (tab === 'required'),
  );
  const count = (which: Tab) =>
    mine.data.items.filter((c) =>
      which === 'done' ? !!c.completedAt : !c.completedAt && c.required === (which === 'required'),
    ).length;

  return (
    <Flex vertical gap={12} className="nx-page" data-testid="my-courses">
      <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
        {t('learning.learn.title')}
      </Typography.Title>
      <Segmented<Tab>
        block
        value={tab}
        onChange={setTab}
        options={(['required', 'optional', 'done'] as const).map((k) => ({
          value: k,
          label: `${t(`learning.learn.${k}`)} ${count(k)}`,
        }))}
      />
      <Card size="small">
        {items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('learning.learn.empty')} />
        ) : (
          <List
            dataSource={items}
            renderItem={(c) => (
              <List.Item aria-label={c.title}>
                <Flex vertical gap={4} style={{ width: '100%' }}>
                  <Flex justify="space-between" gap={8} align="start">
                    <Link to={`/learn/courses/${c.id}`} style={{ fontWeight: 500 }}>
                      {c.title}
                    </Link>
                    <Flex gap={4} style={{ flexShrink: 0 }}>
                      {c.required && <Tag color="red">{t('learning.learn.required')}</Tag>}
                      <Tag>{c.kindLabel}</Tag>
                    </Flex>
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {[
                      c.series?.title,
                      t('learning.learn.minutes', { n: c.plannedMinutes }),
                      t('learning.learn.hours', { n: c.creditHours }),
                      c.publishUntil ? t('learning.learn.until', { at: date(c.publishUntil) }) : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Typography.Text>
                  {c.completedAt ? (
                    <Typography.Text type="success" style={{ fontSize: 13 }}>
                      {t('learning.learn.completedAt', { at: date(c.completedAt), hours: c.creditHours })}
                    </Typography.Text>
                  ) : (
                    <Progress percent={percentOf(c)} size="small" />
                  )}
                </Flex>
              </List.Item>
            )}
          />
        )}
      </Card>
    </Flex>
  );
}
