import {
  EVALUATION_GRADE_LABELS,
  EVALUATION_GRADES,
  type EvaluationAppeal,
  type EvaluationGrade,
  type EvaluationRoundResponse,
} from '@ningxin/shared';
import { useMutation } from '@tanstack/react-query';
import { Button, Flex, Input, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { evaluationApi } from '../evaluation.api';
import { useRoundRefresh } from '../useRoundRefresh';
import { GradeTag } from './GradeTag';

/** One appeal: the member, the grade, the reason, and the secretary's answer or its form. */
export function AppealItem({ r, a }: { r: EvaluationRoundResponse; a: EvaluationAppeal }) {
  const { t } = useTranslation();
  const onError = useApiErrorHandler();
  const refresh = useRoundRefresh(r.id);
  const [answer, setAnswer] = useState('');
  const [newGrade, setNewGrade] = useState<EvaluationGrade | undefined>();
  const send = useMutation({
    mutationFn: (decision: 'upheld' | 'changed') =>
      evaluationApi.answer(r.id, a.id, { decision, newGrade: newGrade ?? null, answer }),
    onSuccess: refresh,
    onError: (e) => onError(e),
  });
  return (
    <Flex vertical gap={6} style={{ width: '100%' }}>
      <span>
        <Typography.Text strong>{a.member.name}</Typography.Text> <GradeTag grade={a.grade ?? a.newGrade} />{' '}
        <Tag>{a.stateLabel}</Tag>
      </span>
      <Typography.Text>{a.reason}</Typography.Text>
      {a.answer ? <Typography.Text type="secondary">{a.answer}</Typography.Text> : null}
      {a.state === 'submitted' && r.policies.manage ? (
        <Flex gap={8} wrap align="center">
          <Input
            aria-label={t('evaluation.round.appeals.answer')}
            placeholder={t('evaluation.round.appeals.answer')}
            style={{ flex: 1, minWidth: 200 }}
            value={answer}
            onChange={(e) => setAnswer(e.target.value)}
          />
          <Button disabled={!answer.trim()} loading={send.isPending} onClick={() => send.mutate('upheld')}>
            {t('evaluation.round.appeals.uphold')}
          </Button>
          <Select<EvaluationGrade>
            aria-label={t('evaluation.round.appeals.newGrade')}
            placeholder={t('evaluation.round.appeals.newGrade')}
            style={{ width: 120 }}
            value={newGrade}
            onChange={setNewGrade}
            options={EVALUATION_GRADES.map((g) => ({ value: g, label: EVALUATION_GRADE_LABELS[g] }))}
          />
          <Button
            disabled={!answer.trim() || !newGrade}
            loading={send.isPending}
            onClick={() => send.mutate('changed')}
          >
            {t('evaluation.round.appeals.change')}
          </Button>
        </Flex>
      ) : null}
    </Flex>
  );
}
