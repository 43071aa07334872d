import { useQuery } from '@tanstack/react-query';
import { Flex, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { LoadError } from '../../../components/LoadError';
import { BallotCodes } from '../components/BallotCodes';
import { PeerReviews } from '../components/PeerReviews';
import { RoundAppeals } from '../components/RoundAppeals';
import { RoundFacts } from '../components/RoundFacts';
import { RoundGrades } from '../components/RoundGrades';
import { RoundParticipants } from '../components/RoundParticipants';
import { RoundStepActions } from '../components/RoundStepActions';
import { evaluationApi, evaluationKeys } from '../evaluation.api';

/** A round (desk): figures, steps, participants with their tallies, codes, grades and appeals. */
export function EvaluationRoundPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const round = useQuery({ queryKey: evaluationKeys.round(id), queryFn: () => evaluationApi.round(id) });
  const parts = useQuery({
    queryKey: evaluationKeys.participants(id),
    queryFn: () => evaluationApi.participants(id),
  });
  if (round.isError) return <LoadError error={round.error} onRetry={() => void round.refetch()} />;
  if (!round.data || !parts.data) return <Skeleton active />;
  const r = round.data;
  const items = parts.data.items;
  return (
    <Flex vertical gap={16} className="nx-page" data-testid="evaluation-round">
      <Link to="/evaluations">{t('evaluation.round.back')}</Link>
      <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
        {r.org.name} · {r.title}
      </Typography.Title>
      <RoundFacts r={r} />
      {r.policies.manage ? <RoundStepActions r={r} /> : null}
      <RoundParticipants r={r} items={items} />
      {r.policies.manage && ['draft', 'self', 'peer', 'voting'].includes(r.state) ? (
        <BallotCodes r={r} items={items} />
      ) : null}
      {r.policies.manage && r.state === 'counted' ? <RoundGrades r={r} items={items} /> : null}
      {r.state === 'decided' ? <RoundAppeals r={r} /> : null}
      <PeerReviews id={r.id} />
    </Flex>
  );
}
