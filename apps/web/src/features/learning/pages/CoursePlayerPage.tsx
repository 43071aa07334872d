import { ArrowLeftOutlined, CheckCircleFilled } from '@ant-design/icons';
import type { CourseProgressResponse, MyCourseResponse } from '@ningxin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Empty,
  Flex,
  Progress,
  Radio,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { LoadError } from '../../../components/LoadError';
import { PageSpinner } from '../../../components/PageSpinner';
import { apiUrl } from '../../../lib/api';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { useFiles } from '../../files/useFiles';
import { NoticeBody } from '../../notices/components/NoticeBody';
import { courseKeys, coursesApi } from '../learning.api';
import { useCourseHeartbeat } from '../useCourseHeartbeat';

/** 学习课程 (phone first): the article, video or PDF, the time that counted, the quiz. */
export function CoursePlayerPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const course = useQuery({ queryKey: courseKeys.myOne(id), queryFn: () => coursesApi.myOne(id) });
  if (course.isPending) return <PageSpinner />;
  if (course.isError) return <LoadError error={course.error} onRetry={() => void course.refetch()} />;
  return (
    <Flex vertical gap={12} className="nx-page" data-testid="course-player">
      <Link to="/learn">
        <ArrowLeftOutlined aria-hidden /> {t('learning.learn.back')}
      </Link>
      <Player course={course.data} />
    </Flex>
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

  return (
    <>
      <Flex vertical gap={4}>
        <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
          {course.title}
        </Typography.Title>
        <Space size={4} wrap>
          {course.required && <Tag color="red">{t('learning.learn.required')}</Tag>}
          <Tag>{course.kindLabel}</Tag>
          {course.series && <Tag color="blue">{course.series.title}</Tag>}
          <Typography.Text type="secondary">
            {t('learning.learn.minutes', { n: course.plannedMinutes })} ·{' '}
            {t('learning.learn.hours', { n: course.creditHours })}
          </Typography.Text>
        </Space>
      </Flex>

      <Card size="small" title={t('learning.learn.progress')} data-testid="course-progress">
        {p.completedAt ? (
          <Typography.Text type="success" strong data-testid="course-completed">
            <CheckCircleFilled aria-hidden /> {t('learning.learn.completed', { hours: p.creditedHours })}
          </Typography.Text>
        ) : (
          <Flex vertical gap={4}>
            <Progress
              percent={Math.min(99, Math.floor((p.countedSeconds * 100) / p.requiredSeconds))}
              size="small"
            />
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('learning.learn.studied', {
                done: Math.floor(p.countedSeconds / 60),
                total: Math.round(p.requiredSeconds / 60),
              })}
              {p.pageCount
                ? ` · ${t('learning.learn.pages', { seen: p.pagesViewed.length, total: p.pageCount })}`
                : ''}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('learning.learn.rules')}
            </Typography.Text>
          </Flex>
        )}
        {hint && !p.completedAt && <Alert type="warning" showIcon title={hint} style={{ marginTop: 8 }} />}
      </Card>

      {course.summary && <Typography.Paragraph type="secondary">{course.summary}</Typography.Paragraph>}
      {course.kind === 'article' && (
        <Card size="small">
          <NoticeBody html={course.body ?? ''} />
        </Card>
      )}
      {course.kind === 'video' && <VideoPart course={course} handlers={beat.video} />}
      {course.kind === 'document' && <DocumentPart course={course} onPage={beat.showPage} />}
      {course.quiz && <QuizPart course={course} onDone={setProgress} />}
    </>
  );
}

function VideoPart({
  course,
  handlers,
}: {
  course: MyCourseResponse;
  handlers: ReturnType<typeof useCourseHeartbeat>['video'];
}) {
  const { t } = useTranslation();
  const files = useFiles({ ownerType: 'course', ownerId: course.id }, 'video');
  if (files.isPending) return <Card size="small" loading />;
  const file = files.data?.items[0];
  if (!file && course.externalUrl)
    return (
      <Card size="small">
        <a href={course.externalUrl} target="_blank" rel="noopener noreferrer">
          {t('learning.learn.external')}
        </a>
      </Card>
    );
  if (!file) return <Empty description={t('learning.learn.noVideo')} />;
  return (
    <video
      data-testid="course-video"
      src={apiUrl(`/files/${file.id}`)}
      controls
      playsInline
      preload="metadata"
      style={{ width: '100%', maxHeight: '60vh', background: '#000', borderRadius: 8 }}
      {...handlers}
    />
  );
}

function DocumentPart({ course, onPage }: { course: MyCourseResponse; onPage: (n: number) => void }) {
  const { t } = useTranslation();
  const total = course.pageCount ?? 1;
  const [page, setPage] = useState(Math.min(Math.max(1, course.progress.position || 1), total));
  const go = (n: number) => {
    setPage(n);
    onPage(n);
  };
  const src = apiUrl(`/courses/mine/${course.id}/document`);
  return (
    <Card size="small">
      <Flex vertical gap={8}>
        <iframe
          key={page}
          title={course.title}
          src={`${src}#page=${page}`}
          style={{ width: '100%', height: '65vh', border: '1px solid #f0f0f0', borderRadius: 6 }}
        />
        <Flex justify="space-between" align="center" gap={8}>
          <Button disabled={page <= 1} onClick={() => go(page - 1)}>
            {t('learning.learn.prev')}
          </Button>
          <Typography.Text>{t('learning.learn.page', { n: page, total })}</Typography.Text>
          <Button disabled={page >= total} onClick={() => go(page + 1)}>
            {t('learning.learn.next')}
          </Button>
        </Flex>
        <a href={src} target="_blank" rel="noopener noreferrer">
          {t('learning.learn.openPdf')}
        </a>
      </Flex>
    </Card>
  );
}

function QuizPart({
  course,
  onDone,
}: {
  course: MyCourseResponse;
  onDone: (p: CourseProgressResponse) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const quiz = course.quiz!;
  const [answers, setAnswers] = useState<number[][]>(() => quiz.questions.map(() => []));
  const submit = useMutation({
    mutationFn: () => coursesApi.answerQuiz(course.id, { answers }),
    onSuccess: (r) => {
      if (r.passed) message.success(t('learning.learn.quiz.passed', { score: r.score }));
      else message.warning(t('learning.learn.quiz.failed', { score: r.score }));
      onDone(r.progress);
    },
    onError: (error) => onError(error),
  });
  const state = course.progress.quiz;
  return (
    <Card size="small" title={t('learning.learn.quiz.title', { mark: quiz.passMark })}>
      {state?.passed ? (
        <Typography.Text type="success">
          {t('learning.learn.quiz.passed', { score: state.score })}
        </Typography.Text>
      ) : !course.progress.studied ? (
        <Typography.Text type="secondary">{t('learning.learn.quiz.notYet')}</Typography.Text>
      ) : (
        <Flex vertical gap={12}>
          {quiz.questions.map((q, i) => (
            <Flex vertical gap={4} key={q.text}>
              <Typography.Text strong>{`${i + 1}. ${q.text}`}</Typography.Text>
              {q.multiple ? (
                <Checkbox.Group
                  value={answers[i]}
                  onChange={(v) => setAnswers(answers.map((a, j) => (j === i ? (v as number[]) : a)))}
                  options={q.options.map((o, k) => ({ value: k, label: o }))}
                  style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
                />
              ) : (
                <Radio.Group
                  value={answers[i]?.[0]}
                  onChange={(e) =>
                    setAnswers(answers.map((a, j) => (j === i ? [e.target.value as number] : a)))
                  }
                  options={q.options.map((o, k) => ({ value: k, label: o }))}
                  style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
                />
              )}
            </Flex>
          ))}
          <Button
            type="primary"
            block
            loading={submit.isPending}
            onClick={() =>
              answers.some((a) => a.length === 0)
                ? message.warning(t('learning.learn.quiz.answerAll'))
                : submit.mutate()
            }
          >
            {t('learning.learn.quiz.submit')}
          </Button>
        </Flex>
      )}
    </Card>
  );
}
