import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PortalCard } from '../../../components/PortalCard';
import { Text } from '../../../components/plain/Text';
import { GradeTag } from '../components/GradeTag';
import { evaluationApi, evaluationKeys } from '../evaluation.api';

/** The member portal's card: my latest evaluation round, its step, my grade once decided. */
export function EvaluationCard() {
  const { t } = useTranslation();
  const mine = useQuery({ queryKey: evaluationKeys.mine, queryFn: evaluationApi.mine });
  if (mine.isError || (mine.data && !mine.data.round)) return null;
  const round = mine.data?.round;
  const me = mine.data?.me;
  return (
    <PortalCard
      title={t('evaluation.mine.portal.title')}
      to="/my-evaluation"
      more={t('evaluation.mine.portal.more')}
      loading={mine.isPending}
      testId="portal-evaluation"
    >
      {round && me ? (
        <div>
          <Text>{round.title}</Text>
          <div>
            <Text type="secondary">{t('evaluation.mine.state', { state: round.stateLabel })}</Text>{' '}
            {round.state === 'voting' && me.voted ? (
              <Text type="success">{t('evaluation.mine.vote.voted')}</Text>
            ) : null}
            <GradeTag grade={me.finalGrade} />
          </div>
        </div>
      ) : null}
    </PortalCard>
  );
}
