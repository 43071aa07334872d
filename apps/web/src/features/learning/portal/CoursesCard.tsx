import type { MyCourseItem } from '@ningxin/shared';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PortalList } from '../../../components/PortalList';
import { Flex } from '../../../components/plain/Flex';
import { Tag } from '../../../components/plain/Tag';
import { Text } from '../../../components/plain/Text';
import { QueryPortalCard } from '../../../components/QueryPortalCard';
import { courseKeys, coursesApi } from '../learning.api';

/** The member portal's course card: required courses not done this year, and the newest ones. */
export function CoursesCard() {
  const { t } = useTranslation();
  const mine = useQuery({ queryKey: courseKeys.mine, queryFn: coursesApi.mine });
  return (
    <QueryPortalCard
      query={mine}
      hidden={(data) => data.items.length === 0}
      title={t('learning.card.title')}
      to="/learn"
      more={t('learning.card.more')}
      testId="portal-courses"
    >
      {({ items }) => <CourseLines items={items} />}
    </QueryPortalCard>
  );
}

/** Required courses not done this year first, then optional ones published in the last two weeks. */
function CourseLines({ items }: { items: readonly MyCourseItem[] }) {
  const { t } = useTranslation();
  const year = new Date().getFullYear();
  const requiredLeft = items.filter(
    (c) => c.required && !(c.completedAt && new Date(c.completedAt).getFullYear() === year),
  );
  const weekAgo = Date.now() - 14 * 86_400_000;
  const fresh = items.filter(
    (c) => !c.required && !c.completedAt && c.publishedAt && new Date(c.publishedAt).getTime() > weekAgo,
  );
  const shown = [...requiredLeft, ...fresh].slice(0, 4);
  return (
    <Flex vertical gap={4}>
      <Text type={requiredLeft.length ? 'warning' : 'success'}>
        {requiredLeft.length
          ? t('learning.card.requiredLeft', { n: requiredLeft.length })
          : t('learning.card.allDone')}
      </Text>
      {shown.length > 0 && (
        <PortalList
          items={shown}
          rowKey={(c) => c.id}
          render={(c) => (
            <Flex justify="space-between" gap={8} style={{ width: '100%' }}>
              <Link
                to={`/learn/courses/${c.id}`}
                style={{ minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis' }}
              >
                {c.title}
              </Link>
              <Tag color={c.required ? 'red' : 'blue'} style={{ flexShrink: 0 }}>
                {c.required ? t('learning.learn.required') : t('learning.card.newCourses')}
              </Tag>
            </Flex>
          )}
        />
      )}
    </Flex>
  );
}
