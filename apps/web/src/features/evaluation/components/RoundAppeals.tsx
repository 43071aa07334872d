import type { EvaluationRoundResponse } from '@ningxin/shared';
import { useQuery } from '@tanstack/react-query';
import { Card, List } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../components/LoadError';
import { evaluationApi, evaluationKeys } from '../evaluation.api';
import { AppealItem } from './AppealItem';

/** The appeals of a decided round, each answered in place. */
export function RoundAppeals({ r }: { r: EvaluationRoundResponse }) {
  const { t } = useTranslation();
  const appeals = useQuery({
    queryKey: evaluationKeys.appeals(r.id),
    queryFn: () => evaluationApi.appeals(r.id),
  });
  return (
    <Card size="small" title={t('evaluation.round.appeals.title')}>
      {appeals.isError ? (
        <LoadError error={appeals.error} onRetry={() => void appeals.refetch()} />
      ) : (
        <List
          loading={appeals.isPending}
          dataSource={appeals.data?.items ?? []}
          locale={{ emptyText: t('evaluation.round.appeals.empty') }}
          renderItem={(a) => (
            <List.Item>
              <AppealItem r={r} a={a} />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
