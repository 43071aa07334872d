import type { MyCourseItem } from '@ningxin/shared';
import { useQuery } from '@tanstack/react-query';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { lazyAnt } from '../../../app/lazyAnt';
import { PageSpinner } from '../../../components/PageSpinner';
import { Empty } from '../../../components/plain/Empty';
import { Flex } from '../../../components/plain/Flex';
import { Progress } from '../../../components/plain/Progress';
import { Tag } from '../../../components/plain/Tag';
import { Text } from '../../../components/plain/Text';
import { useFormatters } from '../../../lib/useFormatters';
import { courseKeys, coursesApi } from '../learning.api';
import './myCourses.css';

// Rarely shown: antd's Result loads only when the list failed to load.
const LoadError = lazyAnt(() => import('../../../components/LoadError'), 'LoadError');

type Tab = 'required' | 'optional' | 'done';

/** The share of a course's time studied, 0 to 100. */
export const percentOf = (c: Pick<MyCourseItem, 'countedSeconds' | 'plannedMinutes' | 'completedAt'>) =>
  c.completedAt ? 100 : Math.min(99, Math.floor((c.countedSeconds * 100) / (c.plannedMinutes * 60)));

/**
 * 学习课程 (phone first): the courses addressed to me, required first, with my progress. Plain
 * elements in antd's look (a block Segmented, a small Card with a List): the page loads no antd.
 */
export function MyCoursesPage() {
  const { t } = useTranslation();
  const mine = useQuery({ queryKey: courseKeys.mine, queryFn: coursesApi.mine });
  const [tab, setTab] = useState<Tab>('required');
  if (mine.isPending) return <PageSpinner />;
  if (mine.isError)
    return (
      <Suspense fallback={null}>
        <LoadError error={mine.error} onRetry={() => void mine.refetch()} />
      </Suspense>
    );
  const inTab = (which: Tab) =>
    mine.data.items.filter((c) =>
      which === 'done' ? !!c.completedAt : !c.completedAt && c.required === (which === 'required'),
    );
  const items = inTab(tab);

  return (
    <div className="nx-page nx-my-courses" data-testid="my-courses">
      <h2 className="nx-plain-title">{t('learning.learn.title')}</h2>
      <div className="nx-segmented" role="radiogroup">
        {(['required', 'optional', 'done'] as const).map((k) => (
          <label
            key={k}
            className={k === tab ? 'nx-segmented-item nx-segmented-selected' : 'nx-segmented-item'}
          >
            <input
              type="radio"
              name="my-courses-tab"
              className="nx-segmented-input"
              checked={k === tab}
              onChange={() => setTab(k)}
            />
            {`${t(`learning.learn.${k}`)} ${inTab(k).length}`}
          </label>
        ))}
      </div>
      <div className="nx-my-courses-card">
        {items.length === 0 ? (
          <Empty description={t('learning.learn.empty')} />
        ) : (
          <ul className="nx-my-courses-list">
            {items.map((c) => (
              <CourseItem key={c.id} c={c} />
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

function CourseItem({ c }: { c: MyCourseItem }) {
  const { t } = useTranslation();
  const { date } = useFormatters();
  return (
    <li aria-label={c.title}>
      <Flex vertical gap={4}>
        <Flex justify="space-between" gap={8} align="start">
          <Link to={`/learn/courses/${c.id}`} style={{ fontWeight: 500 }}>
            {c.title}
          </Link>
          <Flex gap={4} style={{ flexShrink: 0 }}>
            {c.required && <Tag color="red">{t('learning.learn.required')}</Tag>}
            <Tag>{c.kindLabel}</Tag>
          </Flex>
        </Flex>
        <Text type="secondary" style={{ fontSize: 13 }}>
          {[
            c.series?.title,
            t('learning.learn.minutes', { n: c.plannedMinutes }),
            t('learning.learn.hours', { n: c.creditHours }),
            c.publishUntil ? t('learning.learn.until', { at: date(c.publishUntil) }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {c.completedAt ? (
          <Text type="success" style={{ fontSize: 13 }}>
            {t('learning.learn.completedAt', { at: date(c.completedAt), hours: c.creditHours })}
          </Text>
        ) : (
          <Flex align="center" gap={8}>
            <div style={{ flex: 1 }}>
              <Progress percent={percentOf(c)} />
            </div>
            <Text style={{ fontSize: 12 }}>{percentOf(c)}%</Text>
          </Flex>
        )}
      </Flex>
    </li>
  );
}
