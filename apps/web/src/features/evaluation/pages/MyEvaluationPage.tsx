import { APPEAL_STATE_LABELS, type EvaluationGrade, type EvaluationMineResponse } from '@ningxin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Flex, Input, Popconfirm, Result, Skeleton, Typography } from 'antd';
import { memo, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../components/LoadError';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { GradeButtons } from '../components/GradeButtons';
import { GradeTag } from '../components/GradeTag';
import { evaluationApi, evaluationKeys } from '../evaluation.api';

type Mine = EvaluationMineResponse;
type Round = NonNullable<Mine['round']>;
type Me = NonNullable<Mine['me']>;

/** 我的民主评议 (phone first): self-assessment, peer comments, the vote, the result and an appeal. */
export function MyEvaluationPage() {
  const { t } = useTranslation();
  const mine = useQuery({ queryKey: evaluationKeys.mine, queryFn: evaluationApi.mine });
  const data = mine.data;
  return (
    <Flex vertical gap={12} className="nx-page" data-testid="my-evaluation">
      <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
        {t('evaluation.mine.title')}
      </Typography.Title>
      {mine.isError ? (
        <LoadError error={mine.error} onRetry={() => void mine.refetch()} />
      ) : !data ? (
        <Skeleton active />
      ) : !data.round || !data.me ? (
        <Empty description={t('evaluation.mine.none')} />
      ) : (
        <>
          <Card size="small">
            <Typography.Text strong>{data.round.title}</Typography.Text>
            <div>
              <Typography.Text type="secondary">
                {data.round.org} · {t('evaluation.mine.state', { state: data.round.stateLabel })}
              </Typography.Text>
            </div>
          </Card>
          {data.round.state === 'self' ? <SelfForm round={data.round} me={data.me} /> : null}
          {data.round.state === 'peer' ? <PeerList data={data} round={data.round} /> : null}
          {data.round.state === 'voting' ? <Vote data={data} round={data.round} me={data.me} /> : null}
          {data.round.state === 'decided' ? <ResultCard round={data.round} me={data.me} /> : null}
        </>
      )}
    </Flex>
  );
}

function useRefresh() {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: evaluationKeys.mine });
}

function SelfForm({ round, me }: { round: Round; me: Me }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const refresh = useRefresh();
  const [grade, setGrade] = useState<EvaluationGrade | undefined>(me.selfGrade ?? undefined);
  const [text, setText] = useState(me.selfText ?? '');
  const save = useMutation({
    mutationFn: () => evaluationApi.self(round.id, { grade: grade!, text }),
    onSuccess: () => {
      message.success(t('evaluation.mine.self.saved'));
      refresh();
    },
    onError: (e) => onError(e),
  });
  return (
    <Card size="small" title={t('evaluation.mine.self.title')}>
      <Flex vertical gap={12}>
        <GradeButtons label={t('evaluation.mine.self.grade')} value={grade} onChange={setGrade} />
        <Input.TextArea
          aria-label={t('evaluation.mine.self.text')}
          placeholder={t('evaluation.mine.self.placeholder')}
          autoSize={{ minRows: 5 }}
          maxLength={3000}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <Button
          type="primary"
          block
          disabled={!grade || !text.trim()}
          loading={save.isPending}
          onClick={() => save.mutate()}
        >
          {t('evaluation.mine.self.submit')}
        </Button>
      </Flex>
    </Card>
  );
}

function PeerList({ data, round }: { data: Mine; round: Round }) {
  const { t } = useTranslation();
  const others = data.members.filter((m) => m.id !== data.me?.memberId);
  return (
    <Card size="small" title={t('evaluation.mine.peer.title')}>
      <Typography.Paragraph type="secondary">{t('evaluation.mine.peer.help')}</Typography.Paragraph>
      <Flex vertical gap={16}>
        {others.map((m) => (
          <PeerItem key={m.id} roundId={round.id} member={m} />
        ))}
      </Flex>
    </Card>
  );
}

function PeerItem({ roundId, member }: { roundId: number; member: Mine['members'][number] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const refresh = useRefresh();
  const [grade, setGrade] = useState<EvaluationGrade | undefined>(member.myGrade ?? undefined);
  const [comment, setComment] = useState(member.myComment ?? '');
  const save = useMutation({
    mutationFn: () => evaluationApi.peer(roundId, member.id, { grade: grade ?? null, comment }),
    onSuccess: () => {
      message.success(t('evaluation.mine.peer.saved', { name: member.name }));
      refresh();
    },
    onError: (e) => onError(e),
  });
  return (
    <Flex vertical gap={6} data-testid={`peer-${member.id}`}>
      <Typography.Text strong>
        {member.name}{' '}
        {member.myComment ? (
          <Typography.Text type="success">{t('evaluation.mine.peer.written')}</Typography.Text>
        ) : null}
      </Typography.Text>
      <GradeButtons label={member.name} value={grade} onChange={setGrade} />
      <Input.TextArea
        aria-label={`${member.name} ${t('evaluation.mine.peer.comment')}`}
        autoSize={{ minRows: 2 }}
        maxLength={1000}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      <Button size="small" disabled={!comment.trim()} loading={save.isPending} onClick={() => save.mutate()}>
        {t('evaluation.mine.peer.save')}
      </Button>
    </Flex>
  );
}

/** One member on the ballot; re-rendered only when its own grade changes. */
const BallotRow = memo(function BallotRow({
  id,
  name,
  grade,
  onPick,
}: {
  id: number;
  name: string;
  grade: EvaluationGrade | undefined;
  onPick: (id: number, grade: EvaluationGrade) => void;
}) {
  return (
    <Flex vertical gap={4} data-testid={`ballot-${id}`}>
      <Typography.Text strong>{name}</Typography.Text>
      <GradeButtons label={name} value={grade} onChange={(g) => onPick(id, g)} />
    </Flex>
  );
});

/** The ballot: every participant with four grade buttons; submitted once. */
export function BallotForm({
  members,
  onSubmit,
  pending,
  submitLabel,
}: {
  members: { id: number; name: string }[];
  onSubmit: (marks: { memberId: number; grade: EvaluationGrade }[]) => void;
  pending: boolean;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const [marks, setMarks] = useState<Record<number, EvaluationGrade>>({});
  const onPick = useCallback(
    (id: number, grade: EvaluationGrade) => setMarks((prev) => ({ ...prev, [id]: grade })),
    [],
  );
  const missing = members.filter((m) => !marks[m.id]).length;
  const fillRest = () =>
    setMarks((prev) => ({
      ...Object.fromEntries(members.map((m) => [m.id, 'qualified' as EvaluationGrade])),
      ...prev,
    }));
  return (
    <Flex vertical gap={12}>
      {members.map((m) => (
        <BallotRow key={m.id} id={m.id} name={m.name} grade={marks[m.id]} onPick={onPick} />
      ))}
      {missing > 0 ? (
        <Flex gap={8} align="center" wrap>
          <Typography.Text type="secondary">
            {t('evaluation.mine.vote.missing', { n: missing })}
          </Typography.Text>
          <Button size="small" onClick={fillRest}>
            {t('evaluation.mine.vote.fillRest')}
          </Button>
        </Flex>
      ) : null}
      <Popconfirm
        title={t('evaluation.mine.vote.confirm')}
        okText={submitLabel}
        cancelText={t('common.cancel')}
        onConfirm={() => onSubmit(members.map((m) => ({ memberId: m.id, grade: marks[m.id]! })))}
        disabled={missing > 0}
      >
        <Button type="primary" size="large" block disabled={missing > 0} loading={pending}>
          {submitLabel}
        </Button>
      </Popconfirm>
    </Flex>
  );
}

function Vote({ data, round, me }: { data: Mine; round: Round; me: Me }) {
  const { t } = useTranslation();
  const onError = useApiErrorHandler();
  const refresh = useRefresh();
  const vote = useMutation({
    mutationFn: (marks: { memberId: number; grade: EvaluationGrade }[]) =>
      evaluationApi.vote(round.id, { marks }),
    onSuccess: refresh,
    onError: (e) => {
      onError(e);
      refresh();
    },
  });
  if (me.voted)
    return (
      <Result
        status="success"
        title={t('evaluation.mine.vote.voted')}
        subTitle={t('evaluation.mine.vote.votedHelp')}
      />
    );
  if (me.ballotMode === 'none') return <Alert type="info" title={t('evaluation.mine.vote.noVote')} />;
  if (me.ballotMode === 'code') return <Alert type="info" title={t('evaluation.mine.vote.codeHolder')} />;
  return (
    <Card size="small" title={t('evaluation.mine.vote.title')}>
      <Typography.Paragraph type="secondary">{t('evaluation.mine.vote.help')}</Typography.Paragraph>
      <BallotForm
        members={data.members}
        pending={vote.isPending}
        submitLabel={t('evaluation.mine.vote.submit')}
        onSubmit={(marks) => vote.mutate(marks)}
      />
    </Card>
  );
}

function ResultCard({ round, me }: { round: Round; me: Me }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const refresh = useRefresh();
  const [reason, setReason] = useState('');
  const appeal = useMutation({
    mutationFn: () => evaluationApi.appeal(round.id, reason),
    onSuccess: () => {
      message.success(t('evaluation.mine.result.sent'));
      refresh();
    },
    onError: (e) => onError(e),
  });
  return (
    <Card size="small" title={t('evaluation.mine.result.title')}>
      <Flex vertical gap={8}>
        <div>
          {t('evaluation.mine.result.grade')}：<GradeTag grade={me.finalGrade} />
        </div>
        {me.appeal ? (
          <>
            <Typography.Text>
              {t('evaluation.mine.result.appealState', { state: APPEAL_STATE_LABELS[me.appeal.state] })}
            </Typography.Text>
            {me.appeal.answer ? (
              <Typography.Text type="secondary">
                {t('evaluation.mine.result.answer', { answer: me.appeal.answer })}
              </Typography.Text>
            ) : null}
          </>
        ) : me.canAppeal ? (
          <>
            <Typography.Text type="secondary">
              {t('evaluation.mine.result.appealUntil', { date: me.appealUntil })}
            </Typography.Text>
            <Input.TextArea
              aria-label={t('evaluation.mine.result.reason')}
              autoSize={{ minRows: 3 }}
              maxLength={2000}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
            <Button disabled={!reason.trim()} loading={appeal.isPending} onClick={() => appeal.mutate()}>
              {t('evaluation.mine.result.submit')}
            </Button>
          </>
        ) : null}
      </Flex>
    </Card>
  );
}
