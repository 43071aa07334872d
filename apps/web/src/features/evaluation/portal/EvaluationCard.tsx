import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Text } from '../../../components/plain/Text';
import { QueryPortalCard } from '../../../components/QueryPortalCard';
import { GradeTag } from '../components/GradeTag';
import { evaluationApi, evaluationKeys } from '../evaluation.api';

/** The member portal's card: my latest evaluation round, its step, my grade once decided. */
export function EvaluationCard() {
  const { t } = useTranslation();
  const mine = useQuery({ queryKey: evaluationKeys.mine, queryFn: evaluationApi.mine });
  return (
    <QueryPortalCard
      query={mine}
      hidden={(data) => !data.round}
      title={t('evaluation.mine.portal.title')}
      to="/my-evaluation"
      more={t('evaluation.mine.portal.more')}
      testId="portal-evaluation"
    >
      {({ round, me }) =>
        round && me ? (
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
        ) : null
      }
    </QueryPortalCard>
  );
}
