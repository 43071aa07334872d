import type { EvaluationParticipant, EvaluationRoundResponse } from '@ningxin/shared';
import { Card, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { GradeTag } from './GradeTag';

/** The participants with their self-assessment, ballot mode, vote and, once counted, the tallies. */
export function RoundParticipants({
  r,
  items,
}: {
  r: EvaluationRoundResponse;
  items: EvaluationParticipant[];
}) {
  const { t } = useTranslation();
  const counted = r.state === 'counted' || r.state === 'decided';
  const columns: TableColumnsType<EvaluationParticipant> = [
    { title: t('evaluation.round.col.member'), render: (_, p) => p.member.name },
    {
      title: t('evaluation.round.col.type'),
      width: 90,
      render: (_, p) =>
        p.memberType === 'probationary' ? t('evaluation.round.probationary') : t('evaluation.round.full'),
    },
    { title: t('evaluation.round.col.self'), width: 90, render: (_, p) => <GradeTag grade={p.selfGrade} /> },
    { title: t('evaluation.round.col.peer'), width: 60, align: 'right', dataIndex: 'peerReviews' },
    {
      title: t('evaluation.round.col.mode'),
      width: 80,
      render: (_, p) => t(`evaluation.round.mode.${p.ballotMode}`),
    },
    {
      title: t('evaluation.round.col.voted'),
      width: 70,
      render: (_, p) =>
        p.ballotMode === 'online'
          ? p.voted
            ? t('evaluation.round.votedYes')
            : t('evaluation.round.votedNo')
          : null,
    },
    ...(counted
      ? [
          {
            title: t('evaluation.round.col.tally'),
            width: 140,
            render: (_: unknown, p: EvaluationParticipant) =>
              `${p.votes.excellent} / ${p.votes.qualified} / ${p.votes.basic} / ${p.votes.unqualified}`,
          },
        ]
      : []),
    {
      title: t('evaluation.round.col.grade'),
      width: 90,
      render: (_, p) => <GradeTag grade={p.finalGrade} />,
    },
  ];
  return (
    <Card size="small">
      <Table<EvaluationParticipant>
        rowKey={(p) => p.member.id}
        columns={columns}
        dataSource={items}
        pagination={false}
        size="small"
        scroll={{ x: 'max-content' }}
      />
    </Card>
  );
}
