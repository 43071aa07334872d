import type { CourseProgressResponse, MyCourseResponse } from '@ningxin/shared';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PortalCard } from '../../../components/PortalCard';
import { Alert } from '../../../components/plain/Alert';
import { Text } from '../../../components/plain/Text';
import { isApiError } from '../../../lib/api';
import { coursesApi } from '../learning.api';
import '../../../components/pageButton.css';

type Note = { type: 'success' | 'warning'; text: string } | null;

/**
 * The course's quiz, once the time is studied: each question's options as native radios or
 * checkboxes, the answers sent at once; the score (or what went wrong) shows below.
 */
export function CourseQuiz({
  course,
  onDone,
}: {
  course: MyCourseResponse;
  onDone: (p: CourseProgressResponse) => void;
}) {
  const { t } = useTranslation();
  const quiz = course.quiz!;
  const [answers, setAnswers] = useState<number[][]>(() => quiz.questions.map(() => []));
  const [note, setNote] = useState<Note>(null);
  const submit = useMutation({
    mutationFn: () => coursesApi.answerQuiz(course.id, { answers }),
    onSuccess: (r) => {
      setNote(
        r.passed
          ? { type: 'success', text: t('learning.learn.quiz.passed', { score: r.score }) }
          : { type: 'warning', text: t('learning.learn.quiz.failed', { score: r.score }) },
      );
      onDone(r.progress);
    },
    onError: (error) => {
      // A 401 is on its way to the login page.
      if (isApiError(error) && error.status === 401) return;
      setNote({ type: 'warning', text: error instanceof Error ? error.message : String(error) });
    },
  });
  const choose = (i: number, k: number, multiple: boolean, on: boolean) =>
    setAnswers(
      answers.map((a, j) =>
        j !== i ? a : multiple ? (on ? [...a, k].sort((x, y) => x - y) : a.filter((x) => x !== k)) : [k],
      ),
    );
  const state = course.progress.quiz;
  return (
    <PortalCard title={t('learning.learn.quiz.title', { mark: quiz.passMark })} testId="course-quiz">
      {state?.passed ? (
        <Text type="success">{t('learning.learn.quiz.passed', { score: state.score })}</Text>
      ) : !course.progress.studied ? (
        <Text type="secondary">{t('learning.learn.quiz.notYet')}</Text>
      ) : (
        <form
          className="nx-quiz"
          onSubmit={(e) => {
            e.preventDefault();
            if (answers.some((a) => a.length === 0))
              setNote({ type: 'warning', text: t('learning.learn.quiz.answerAll') });
            else {
              setNote(null);
              submit.mutate();
            }
          }}
        >
          {quiz.questions.map((q, i) => (
            <fieldset key={q.text} className="nx-quiz-question">
              <legend>{`${i + 1}. ${q.text}`}</legend>
              {q.options.map((o, k) => (
                <label key={o} className="nx-quiz-option">
                  <input
                    type={q.multiple ? 'checkbox' : 'radio'}
                    name={`quiz-${i}`}
                    checked={answers[i]?.includes(k) ?? false}
                    onChange={(e) => choose(i, k, q.multiple, e.currentTarget.checked)}
                  />
                  <span>{o}</span>
                </label>
              ))}
            </fieldset>
          ))}
          {note && <Alert type={note.type}>{note.text}</Alert>}
          <button
            type="submit"
            className="nx-page-btn nx-page-btn-primary nx-page-btn-block"
            disabled={submit.isPending}
          >
            {t('learning.learn.quiz.submit')}
          </button>
        </form>
      )}
    </PortalCard>
  );
}
