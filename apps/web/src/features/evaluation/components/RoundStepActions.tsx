import type { EvaluationRoundResponse } from '@ningxin/shared';
import { useMutation } from '@tanstack/react-query';
import { Button, Flex, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { evaluationApi } from '../evaluation.api';
import { useRoundRefresh } from '../useRoundRefresh';

const NEXT = { draft: 'self', self: 'peer', peer: 'voting' } as const;

/** The button that moves the round on: to the next step, or to the count once the vote is over. */
export function RoundStepActions({ r }: { r: EvaluationRoundResponse }) {
  const { t } = useTranslation();
  const onError = useApiErrorHandler();
  const refresh = useRoundRefresh(r.id);
  const step = useMutation({
    mutationFn: (to: 'self' | 'peer' | 'voting') => evaluationApi.step(r.id, r.version, to),
    onSuccess: refresh,
    onError: (e) => onError(e, { onConflict: refresh }),
  });
  const count = useMutation({
    mutationFn: () => evaluationApi.count(r.id, r.version),
    onSuccess: refresh,
    onError: (e) => onError(e, { onConflict: refresh }),
  });
  const next = NEXT[r.state as keyof typeof NEXT];
  if (!next && r.state !== 'voting') return null;
  return (
    <Flex gap={8}>
      {next ? (
        <Button type="primary" loading={step.isPending} onClick={() => step.mutate(next)}>
          {t(`evaluation.round.next.${next}`)}
        </Button>
      ) : (
        <Popconfirm title={t('evaluation.round.countConfirm')} onConfirm={() => count.mutate()}>
          <Button type="primary" loading={count.isPending}>
            {t('evaluation.round.count')}
          </Button>
        </Popconfirm>
      )}
    </Flex>
  );
}
