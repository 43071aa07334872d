import {
  EVALUATION_GRADE_LABELS,
  EVALUATION_GRADES,
  type EvaluationAppeal,
  type EvaluationGrade,
  type EvaluationParticipant,
  type EvaluationRoundResponse,
} from '@ningxin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  Input,
  InputNumber,
  List,
  Popconfirm,
  Select,
  Skeleton,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { LoadError } from '../../../components/LoadError';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { GradeTag } from '../components/GradeTag';
import { evaluationApi, evaluationKeys } from '../evaluation.api';

const NEXT = { draft: 'self', self: 'peer', peer: 'voting' } as const;

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
      <Facts r={r} />
      {r.policies.manage ? <StepActions r={r} /> : null}
      <Participants r={r} items={items} />
      {r.policies.manage && ['draft', 'self', 'peer', 'voting'].includes(r.state) ? (
        <Codes r={r} items={items} />
      ) : null}
      {r.policies.manage && r.state === 'counted' ? <Grades r={r} items={items} /> : null}
      {r.state === 'decided' ? <Appeals r={r} /> : null}
      <PeerReviews id={r.id} />
    </Flex>
  );
}

function useRefresh(id: number) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: evaluationKeys.round(id) });
    void client.invalidateQueries({ queryKey: evaluationKeys.participants(id) });
    void client.invalidateQueries({ queryKey: evaluationKeys.appeals(id) });
    void client.invalidateQueries({ queryKey: ['evaluations', 'list'] });
  };
}

function Facts({ r }: { r: EvaluationRoundResponse }) {
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

function StepActions({ r }: { r: EvaluationRoundResponse }) {
  const { t } = useTranslation();
  const onError = useApiErrorHandler();
  const refresh = useRefresh(r.id);
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

function Participants({ r, items }: { r: EvaluationRoundResponse; items: EvaluationParticipant[] }) {
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

function Codes({ r, items }: { r: EvaluationRoundResponse; items: EvaluationParticipant[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const refresh = useRefresh(r.id);
  const [holders, setHolders] = useState<number[]>(
    items.filter((p) => p.ballotMode === 'code').map((p) => p.member.id),
  );
  const [count, setCount] = useState<number>(Math.max(1, holders.length));
  const [codes, setCodes] = useState<string[]>([]);
  const modes = useMutation({
    mutationFn: () => evaluationApi.setModes(r.id, r.version, holders),
    onSuccess: refresh,
    onError: (e) => onError(e, { onConflict: refresh }),
  });
  const generate = useMutation({
    mutationFn: () => evaluationApi.codes(r.id, count),
    onSuccess: (res) => {
      setCodes(res.codes);
      refresh();
    },
    onError: (e) => onError(e),
  });
  const print = useMutation({
    mutationFn: () => evaluationApi.slips(r.id, codes),
    onSuccess: (name) => message.success(name),
    onError: (e) => onError(e),
  });
  const editable = r.state !== 'voting';
  return (
    <Card size="small" title={t('evaluation.round.codes.title')}>
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('evaluation.round.codes.holdersHelp')}</Typography.Text>
        <Flex gap={8} wrap>
          <Select<number[]>
            mode="multiple"
            aria-label={t('evaluation.round.codes.holders')}
            placeholder={t('evaluation.round.codes.holders')}
            style={{ minWidth: 320, flex: 1 }}
            disabled={!editable}
            value={holders}
            onChange={setHolders}
            optionFilterProp="label"
            options={items
              .filter((p) => p.ballotMode !== 'none')
              .map((p) => ({ value: p.member.id, label: p.member.name }))}
          />
          {editable ? (
            <Button loading={modes.isPending} onClick={() => modes.mutate()}>
              {t('evaluation.round.codes.saveHolders')}
            </Button>
          ) : null}
        </Flex>
        <Flex gap={8} align="center">
          <span>{t('evaluation.round.codes.count')}</span>
          <InputNumber min={1} max={200} value={count} onChange={(v) => setCount(v ?? 1)} />
          <Button loading={generate.isPending} onClick={() => generate.mutate()}>
            {t('evaluation.round.codes.generate')}
          </Button>
        </Flex>
        {codes.length ? (
          <>
            <Alert type="warning" title={t('evaluation.round.codes.shownOnce')} />
            <Typography.Paragraph copyable style={{ fontFamily: 'monospace' }}>
              {codes.join('  ')}
            </Typography.Paragraph>
            <Button type="primary" loading={print.isPending} onClick={() => print.mutate()}>
              {t('evaluation.round.codes.print')}
            </Button>
          </>
        ) : null}
      </Flex>
    </Card>
  );
}

/** The grade each participant got most votes for (ties: the better grade). */
const mostVoted = (p: EvaluationParticipant): EvaluationGrade =>
  EVALUATION_GRADES.reduce(
    (best, g) => (p.votes[g] > p.votes[best] ? g : best),
    'qualified' as EvaluationGrade,
  );

function Grades({ r, items }: { r: EvaluationRoundResponse; items: EvaluationParticipant[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const refresh = useRefresh(r.id);
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

function Appeals({ r }: { r: EvaluationRoundResponse }) {
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

function AppealItem({ r, a }: { r: EvaluationRoundResponse; a: EvaluationAppeal }) {
  const { t } = useTranslation();
  const onError = useApiErrorHandler();
  const refresh = useRefresh(r.id);
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

function PeerReviews({ id }: { id: number }) {
  const { t } = useTranslation();
  const reviews = useQuery({
    queryKey: evaluationKeys.reviews(id),
    queryFn: () => evaluationApi.reviews(id),
  });
  if (!reviews.data?.items.length) return null;
  return (
    <Card size="small" title={t('evaluation.round.peerTitle')}>
      <List
        size="small"
        dataSource={reviews.data.items}
        renderItem={(v) => (
          <List.Item>
            <span>
              <Typography.Text strong>{v.member.name}</Typography.Text> ← {v.reviewer.name}{' '}
              <GradeTag grade={v.grade} /> {v.comment}
            </span>
          </List.Item>
        )}
      />
    </Card>
  );
}
