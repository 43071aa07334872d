import type { EvaluationRoundResponse } from '@ningxin/shared';
import { Card, Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** A round's figures: state, period, participants and voters, ballots, codes, the decision. */
export function RoundFacts({ r }: { r: EvaluationRoundResponse }) {
  const { t } = useTranslation();
  return (
    <Card size="small">
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('evaluation.round.facts.state')}>
          <Tag color="processing">{r.stateLabel}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('evaluation.round.facts.period')}>
          {r.opensOn} – {r.closesOn}
        </Descriptions.Item>
        <Descriptions.Item label={t('evaluation.round.facts.participants')}>
          {r.participants}（{t('evaluation.round.facts.voters')} {r.voters}）
        </Descriptions.Item>
        <Descriptions.Item label={t('evaluation.round.facts.voted')}>{r.voted}</Descriptions.Item>
        <Descriptions.Item label={t('evaluation.round.facts.ballots')}>{r.ballots}</Descriptions.Item>
        <Descriptions.Item label={t('evaluation.round.facts.codes')}>
          {t('evaluation.round.facts.codesValue', { issued: r.codesIssued, used: r.codesUsed })}
        </Descriptions.Item>
        {r.decisionNote ? (
          <Descriptions.Item label={t('evaluation.round.facts.decision')} span={3}>
            {r.decidedOn} {r.decisionNote}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
    </Card>
  );
}
