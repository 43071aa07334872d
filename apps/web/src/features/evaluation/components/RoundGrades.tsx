import {
  EVALUATION_GRADE_LABELS,
  EVALUATION_GRADES,
  type EvaluationGrade,
  type EvaluationParticipant,
  type EvaluationRoundResponse,
} from '@ningxin/shared';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Flex, Input, List, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { evaluationApi } from '../evaluation.api';
import { useRoundRefresh } from '../useRoundRefresh';

/** The grade each participant got most votes for (ties: the better grade). */
const mostVoted = (p: EvaluationParticipant): EvaluationGrade =>
  EVALUATION_GRADES.reduce(
    (best, g) => (p.votes[g] > p.votes[best] ? g : best),
    'qualified' as EvaluationGrade,
  );

/** The branch's decision: a grade for every participant (at most one third 优秀), the note and the day. */
export function RoundGrades({ r, items }: { r: EvaluationRoundResponse; items: EvaluationParticipant[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const refresh = useRoundRefresh(r.id);
  const [grades, setGrades] = useState<Record<number, EvaluationGrade>>({});
  const [note, setNote] = useState('');
  const [day, setDay] = useState<Dayjs | null>(dayjs());
  const excellent = Object.values(grades).filter((g) => g === 'excellent').length;
  const over = excellent > r.maxExcellent;
  const missing = items.filter((p) => !grades[p.member.id]).length;
  const save = useMutation({
    mutationFn: () =>
      evaluationApi.grades(r.id, {
        version: r.version,
        grades: items.map((p) => ({ memberId: p.member.id, grade: grades[p.member.id]!, note: null })),
        decisionNote: note,
        decidedOn: day!.format('YYYY-MM-DD'),
      }),
    onSuccess: () => {
      message.success(t('evaluation.round.grades.saved'));
      refresh();
    },
    onError: (e) => onError(e, { onConflict: refresh }),
  });
  return (
    <Card
      size="small"
      title={t('evaluation.round.grades.title')}
      extra={
        <Typography.Text type={over ? 'danger' : 'secondary'} data-testid="excellent-counter">
          {t('evaluation.round.grades.counter', { given: excellent, max: r.maxExcellent, n: r.participants })}
        </Typography.Text>
      }
    >
      <Flex vertical gap={12}>
        <Button
          style={{ alignSelf: 'flex-start' }}
          onClick={() => setGrades(Object.fromEntries(items.map((p) => [p.member.id, mostVoted(p)])))}
        >
          {t('evaluation.round.grades.fill')}
        </Button>
        <List
          size="small"
          dataSource={items}
          renderItem={(p) => (
            <List.Item>
              <Flex gap={12} align="center" style={{ width: '100%' }}>
                <span style={{ width: 100 }}>{p.member.name}</span>
                <Typography.Text type="secondary" style={{ width: 120 }}>
                  {p.votes.excellent}/{p.votes.qualified}/{p.votes.basic}/{p.votes.unqualified}
                </Typography.Text>
                <Select<EvaluationGrade>
                  aria-label={p.member.name}
                  style={{ width: 130 }}
                  value={grades[p.member.id]}
                  onChange={(g) => setGrades((prev) => ({ ...prev, [p.member.id]: g }))}
                  options={EVALUATION_GRADES.map((g) => ({ value: g, label: EVALUATION_GRADE_LABELS[g] }))}
                />
              </Flex>
            </List.Item>
          )}
        />
        {over ? <Alert type="error" title={t('evaluation.round.grades.over')} /> : null}
        <Input.TextArea
          aria-label={t('evaluation.round.grades.note')}
          placeholder={t('evaluation.round.grades.note')}
          autoSize={{ minRows: 2 }}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        <Flex gap={8} align="center">
          <span>{t('evaluation.round.grades.decidedOn')}</span>
          <DatePicker value={day} onChange={setDay} />
          <Button
            type="primary"
            disabled={over || missing > 0 || !note.trim() || !day}
            loading={save.isPending}
            onClick={() => save.mutate()}
          >
            {t('evaluation.round.grades.save')}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}
