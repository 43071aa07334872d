import type { CourseProgressResponse, MyCourseResponse } from '@ningxin/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { lazyAnt } from '../../../app/lazyAnt';
import { PageSpinner } from '../../../components/PageSpinner';
import { PortalCard } from '../../../components/PortalCard';
import { BackIcon, DoneIcon } from '../../../components/pageIcons';
import { Alert } from '../../../components/plain/Alert';
import { Flex } from '../../../components/plain/Flex';
import { Progress } from '../../../components/plain/Progress';
import { Tag } from '../../../components/plain/Tag';
import { Text } from '../../../components/plain/Text';
import { NoticeBody } from '../../notices/components/NoticeBody';
import { DocumentPart, VideoPart } from '../components/CourseMedia';
import { CourseQuiz } from '../components/CourseQuiz';
import { courseKeys, coursesApi } from '../learning.api';
import { useCourseHeartbeat } from '../useCourseHeartbeat';
import './coursePlayer.css';

// Rarely shown: antd's Result loads only when the course failed to load.
const LoadError = lazyAnt(() => import('../../../components/LoadError'), 'LoadError');

/**
 * 学习课程 (phone first): the article, video or PDF, the time that counted, the quiz. Plain
 * elements in antd's look (small Cards, a line Progress, a warning Alert): the page loads no antd.
 */
export function CoursePlayerPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const course = useQuery({ queryKey: courseKeys.myOne(id), queryFn: () => coursesApi.myOne(id) });
  if (course.isPending) return <PageSpinner />;
  if (course.isError)
    return (
      <Suspense fallback={null}>
        <LoadError error={course.error} onRetry={() => void course.refetch()} />
      </Suspense>
    );
  return (
    <div className="nx-page nx-course-player" data-testid="course-player">
      <Link to="/learn">
        <BackIcon /> {t('learning.learn.back')}
      </Link>
      <Player course={course.data} />
    </div>
  );
}

function Player({ course }: { course: MyCourseResponse }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const setProgress = (progress: CourseProgressResponse) => {
    client.setQueryData<MyCourseResponse>(courseKeys.myOne(course.id), (old) =>
      old
        ? { ...old, progress, countedSeconds: progress.countedSeconds, completedAt: progress.completedAt }
        : old,
    );
    if (progress.completedAt && !course.progress.completedAt)
      void client.invalidateQueries({ queryKey: courseKeys.mine, exact: true });
  };
  // Once completed the player stops beating (a slow connection has better things to carry).
  const beat = useCourseHeartbeat(course.id, course.kind, !course.progress.completedAt, (r) =>
    setProgress(r.progress),
  );
  const p = course.progress;
  const hint =
    beat.outcome === 'other_device' || beat.outcome === 'fast'
      ? t(`learning.learn.outcome.${beat.outcome}`)
      : '';
  const percent = Math.min(99, Math.floor((p.countedSeconds * 100) / p.requiredSeconds));

  return (
    <>
      <Flex vertical gap={4}>
        <h2 className="nx-plain-title">{course.title}</h2>
        <Flex gap={4} wrap align="center">
          {course.required && <Tag color="red">{t('learning.learn.required')}</Tag>}
          <Tag>{course.kindLabel}</Tag>
          {course.series && <Tag color="blue">{course.series.title}</Tag>}
          <Text type="secondary">
            {t('learning.learn.minutes', { n: course.plannedMinutes })} ·{' '}
            {t('learning.learn.hours', { n: course.creditHours })}
          </Text>
        </Flex>
      </Flex>

      <PortalCard title={t('learning.learn.progress')} testId="course-progress">
        <Flex vertical gap={8}>
          {p.completedAt ? (
            <Text type="success" strong data-testid="course-completed">
              <DoneIcon /> {t('learning.learn.completed', { hours: p.creditedHours })}
            </Text>
          ) : (
            <Flex vertical gap={4}>
              <Flex align="center" gap={8}>
                <div style={{ flex: 1 }}>
                  <Progress percent={percent} />
                </div>
                <Text style={{ fontSize: 12 }}>{percent}%</Text>
              </Flex>
              <Text type="secondary" style={{ fontSize: 13 }}>
                {t('learning.learn.studied', {
                  done: Math.floor(p.countedSeconds / 60),
                  total: Math.round(p.requiredSeconds / 60),
                })}
                {p.pageCount
                  ? ` · ${t('learning.learn.pages', { seen: p.pagesViewed.length, total: p.pageCount })}`
                  : ''}
              </Text>
              <Text type="secondary" style={{ fontSize: 12 }}>
                {t('learning.learn.rules')}
              </Text>
            </Flex>
          )}
          {hint && !p.completedAt && <Alert type="warning">{hint}</Alert>}
        </Flex>
      </PortalCard>

      {course.summary && (
        <p className="nx-course-summary">
          <Text type="secondary">{course.summary}</Text>
        </p>
      )}
      {course.kind === 'article' && (
        <PortalCard>
          <NoticeBody html={course.body ?? ''} />
        </PortalCard>
      )}
      {course.kind === 'video' && <VideoPart course={course} handlers={beat.video} />}
      {course.kind === 'document' && <DocumentPart course={course} onPage={beat.showPage} />}
      {course.quiz && <CourseQuiz course={course} onDone={setProgress} />}
    </>
  );
}
