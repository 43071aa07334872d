import { ArrowLeftOutlined, DownloadOutlined, QrcodeOutlined, UserAddOutlined } from '@ant-design/icons';
import {
  ENROLMENT_STATUS_LABELS,
  type EnrolmentResponse,
  type EnrolmentStatus,
  POSITION_TITLE_LABELS,
  type PositionTitle,
  SESSION_ATTENDANCE_LABELS,
  SESSION_ATTENDANCE_STATUSES,
  type SessionAttendanceStatus,
  type TrainingResponse,
  type TrainingSessionResponse,
} from '@ningxin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { LoadError } from '../../../components/LoadError';
import { PageSpinner } from '../../../components/PageSpinner';
import { SignInCodePanel } from '../../../components/SignInCodePanel';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { useFormatters } from '../../../lib/useFormatters';
import { MembersPicker } from '../components/MembersPicker';
import { TrainingDrawer } from '../components/TrainingDrawer';
import { trainingKeys, trainingsApi } from '../trainings.api';
import { STATE_COLORS } from './TrainingsPage';

const ENROLMENT_COLORS: Record<EnrolmentStatus, string> = {
  enrolled: 'green',
  waitlisted: 'orange',
  withdrawn: 'default',
  completed: 'blue',
  rejected: 'red',
};

/** One class: its facts and state changes, then tabs for enrolments, sessions and completion. */
export function TrainingDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const { dateTime } = useFormatters();
  const [editing, setEditing] = useState(false);
  const training = useQuery({ queryKey: trainingKeys.one(id), queryFn: () => trainingsApi.get(id) });
  const refresh = () => void client.invalidateQueries({ queryKey: trainingKeys.one(id) });
  const state = useMutation({
    mutationFn: (to: 'open' | 'closed' | 'finished' | 'cancelled') =>
      trainingsApi.changeState(id, { to, version: training.data!.version }),
    onSuccess: () => {
      message.success(t('trainings.saved'));
      refresh();
    },
    onError: (error) => onError(error, { onConflict: refresh }),
  });

  if (training.isPending) return <PageSpinner />;
  if (training.isError) return <LoadError error={training.error} onRetry={() => void training.refetch()} />;
  const c = training.data;
  const audience = [
    ...c.audienceOrgs.map((o) => o.name),
    ...c.audiencePositions.map((p) => POSITION_TITLE_LABELS[p as PositionTitle] ?? p),
  ];
  return (
    <Flex vertical gap={16} className="nx-page">
      <Link to="/trainings">
        <ArrowLeftOutlined aria-hidden /> {t('trainings.detail.back')}
      </Link>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
          {c.title} <Tag color={STATE_COLORS[c.state]}>{c.stateLabel}</Tag>
        </Typography.Title>
        <Space wrap>
          {c.policies.edit ? <Button onClick={() => setEditing(true)}>{t('trainings.edit')}</Button> : null}
          {c.policies.open ? (
            <Button type="primary" loading={state.isPending} onClick={() => state.mutate('open')}>
              {t('trainings.action.open')}
            </Button>
          ) : null}
          {c.policies.close ? (
            <Button loading={state.isPending} onClick={() => state.mutate('closed')}>
              {t('trainings.action.close')}
            </Button>
          ) : null}
          {c.policies.finish ? (
            <Button loading={state.isPending} onClick={() => state.mutate('finished')}>
              {t('trainings.action.finish')}
            </Button>
          ) : null}
          {c.policies.cancel ? (
            <Popconfirm
              title={t('trainings.action.cancelConfirm')}
              onConfirm={() => state.mutate('cancelled')}
            >
              <Button danger>{t('trainings.action.cancel')}</Button>
            </Popconfirm>
          ) : null}
        </Space>
      </Flex>
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('trainings.col.kind')}>{c.kindLabel}</Descriptions.Item>
          <Descriptions.Item label={t('trainings.detail.org')}>{c.org.name}</Descriptions.Item>
          <Descriptions.Item label={t('trainings.detail.dates')}>
            {c.startsOn} ~ {c.endsOn}
          </Descriptions.Item>
          <Descriptions.Item label={t('trainings.detail.place')}>{c.place ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('trainings.detail.quota')}>
            <span data-testid="training-counts">
              {t('trainings.detail.enrolled')} {c.counts.enrolled}/{c.quota} ·{' '}
              {t('trainings.detail.waitlisted')} {c.counts.waitlisted} · {t('trainings.detail.completed')}{' '}
              {c.counts.completed}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('trainings.detail.studyHours')}>{c.studyHours}</Descriptions.Item>
          <Descriptions.Item label={t('trainings.detail.window')}>
            {c.enrolOpensAt ? dateTime(c.enrolOpensAt) : '—'} ~{' '}
            {c.enrolClosesAt ? dateTime(c.enrolClosesAt) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('trainings.detail.audience')}>
            {audience.length ? audience.join('、') : t('trainings.detail.anyone')}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Tabs
        items={[
          {
            key: 'enrolments',
            label: t('trainings.detail.tabs.enrolments'),
            children: <EnrolmentsTab training={c} />,
          },
          {
            key: 'sessions',
            label: t('trainings.detail.tabs.sessions'),
            children: <SessionsTab training={c} />,
          },
          {
            key: 'completion',
            label: t('trainings.detail.tabs.completion'),
            children: <CompletionTab training={c} />,
          },
        ]}
      />
      <TrainingDrawer open={editing} onClose={() => setEditing(false)} editing={c} />
    </Flex>
  );
}

function useEnrolments(id: number) {
  return useQuery({ queryKey: trainingKeys.enrolments(id), queryFn: () => trainingsApi.enrolments(id) });
}

function EnrolmentsTab({ training }: { training: TrainingResponse }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const list = useEnrolments(training.id);
  const [nominating, setNominating] = useState(false);
  const [withdrawing, setWithdrawing] = useState<EnrolmentResponse | null>(null);
  const [form] = Form.useForm<{ memberIds: number[]; note?: string }>();
  const [reasonForm] = Form.useForm<{ reason?: string }>();
  const refresh = () => void client.invalidateQueries({ queryKey: trainingKeys.one(training.id) });
  const nominate = useMutation({
    mutationFn: (v: { memberIds: number[]; note?: string }) =>
      trainingsApi.nominate(training.id, { memberIds: v.memberIds, note: v.note ?? null }),
    onSuccess: (res) => {
      message.success(
        t('trainings.enrolments.nominated', {
          enrolled: res.items.filter((e) => e.status === 'enrolled').length,
          waitlisted: res.items.filter((e) => e.status === 'waitlisted').length,
        }),
      );
      setNominating(false);
      form.resetFields();
      refresh();
    },
    onError: (error) => onError(error, { form }),
  });
  const withdraw = useMutation({
    mutationFn: ({ e, reason }: { e: EnrolmentResponse; reason?: string }) =>
      trainingsApi.withdraw(training.id, e.id, { reason: reason ?? null }),
    onSuccess: () => {
      message.success(t('trainings.enrolments.withdrawn'));
      setWithdrawing(null);
      refresh();
    },
    onError: (error) => onError(error, { form: reasonForm }),
  });
  const columns: TableColumnsType<EnrolmentResponse> = [
    { title: t('trainings.enrolments.col.seq'), width: 56, render: (_, _e, i) => i + 1 },
    { title: t('trainings.enrolments.col.member'), render: (_, e) => e.member.name },
    { title: t('trainings.enrolments.col.org'), responsive: ['lg'], render: (_, e) => e.member.orgName },
    {
      title: t('trainings.enrolments.col.source'),
      width: 100,
      responsive: ['md'],
      render: (_, e) => e.sourceLabel,
    },
    {
      title: t('trainings.enrolments.col.status'),
      width: 170,
      render: (_, e) => (
        <Space size={4}>
          <Tag color={ENROLMENT_COLORS[e.status]}>{e.statusLabel}</Tag>
          {e.waitlistPosition ? (
            <Typography.Text type="secondary">
              {t('trainings.enrolments.waitlistPosition', { n: e.waitlistPosition })}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('common.actions'),
      width: 90,
      render: (_, e) =>
        e.status === 'enrolled' || e.status === 'waitlisted' ? (
          <Button type="link" size="small" danger onClick={() => setWithdrawing(e)}>
            {t('trainings.enrolments.withdraw')}
          </Button>
        ) : null,
    },
  ];
  return (
    <Card size="small">
      <Flex vertical gap={12}>
        {training.policies.nominate ? (
          <Flex justify="flex-end">
            <Button type="primary" icon={<UserAddOutlined aria-hidden />} onClick={() => setNominating(true)}>
              {t('trainings.enrolments.nominate')}
            </Button>
          </Flex>
        ) : null}
        {list.isError ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<EnrolmentResponse>
            rowKey="id"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isPending}
            pagination={false}
            size="small"
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('trainings.enrolments.empty') }}
          />
        )}
      </Flex>
      <Modal
        title={t('trainings.enrolments.nominateTitle')}
        open={nominating}
        onCancel={() => setNominating(false)}
        onOk={() => form.submit()}
        confirmLoading={nominate.isPending}
        okText={t('trainings.enrolments.nominate')}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" name="nominate" onFinish={(v) => nominate.mutate(v)}>
          <Form.Item
            name="memberIds"
            label={t('trainings.enrolments.members')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <MembersPicker placeholder={t('trainings.enrolments.membersPlaceholder')} />
          </Form.Item>
          <Form.Item name="note" label={t('trainings.enrolments.note')}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        title={withdrawing ? t('trainings.enrolments.withdrawTitle', { name: withdrawing.member.name }) : ''}
        open={withdrawing !== null}
        onCancel={() => setWithdrawing(null)}
        onOk={() => reasonForm.submit()}
        confirmLoading={withdraw.isPending}
        okButtonProps={{ danger: true }}
        okText={t('trainings.enrolments.withdraw')}
        destroyOnHidden
      >
        <Form
          form={reasonForm}
          layout="vertical"
          name="withdraw"
          onFinish={(v) =>
            withdrawing && withdraw.mutate({ e: withdrawing, ...(v.reason ? { reason: v.reason } : {}) })
          }
        >
          <Form.Item name="reason" label={t('trainings.enrolments.withdrawReason')}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

function SessionsTab({ training }: { training: TrainingResponse }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const { dateTime } = useFormatters();
  const sessions = useQuery({
    queryKey: trainingKeys.sessions(training.id),
    queryFn: () => trainingsApi.sessions(training.id),
  });
  const [adding, setAdding] = useState(false);
  const [qrOf, setQrOf] = useState<TrainingSessionResponse | null>(null);
  const [attendanceOf, setAttendanceOf] = useState<TrainingSessionResponse | null>(null);
  const [form] = Form.useForm<{ title: string; startsAt: string; endsAt?: string; place?: string }>();
  const refresh = () => void client.invalidateQueries({ queryKey: trainingKeys.one(training.id) });
  const add = useMutation({
    mutationFn: (v: { title: string; startsAt: string; endsAt?: string; place?: string }) =>
      trainingsApi.createSession(training.id, {
        title: v.title,
        startsAt: new Date(v.startsAt).toISOString(),
        endsAt: v.endsAt ? new Date(v.endsAt).toISOString() : null,
        place: v.place ?? null,
      }),
    onSuccess: () => {
      message.success(t('trainings.saved'));
      setAdding(false);
      refresh();
    },
    onError: (error) => onError(error, { form }),
  });
  const remove = useMutation({
    mutationFn: (sessionId: number) => trainingsApi.deleteSession(training.id, sessionId),
    onSuccess: refresh,
    onError: (error) => onError(error),
  });
  const columns: TableColumnsType<TrainingSessionResponse> = [
    { title: t('trainings.sessions.title'), dataIndex: 'title' },
    { title: t('trainings.sessions.startsAt'), width: 170, render: (_, s) => dateTime(s.startsAt) },
    { title: t('trainings.sessions.place'), responsive: ['lg'], render: (_, s) => s.place ?? '—' },
    {
      title: t('trainings.sessions.attendance'),
      responsive: ['md'],
      render: (_, s) => t('trainings.sessions.counts', s.counts),
    },
    {
      title: t('common.actions'),
      width: 230,
      render: (_, s) => (
        <Space size={0} wrap>
          <Button type="link" size="small" icon={<QrcodeOutlined aria-hidden />} onClick={() => setQrOf(s)}>
            {t('trainings.sessions.qr')}
          </Button>
          <Button type="link" size="small" onClick={() => setAttendanceOf(s)}>
            {t('trainings.sessions.attendance')}
          </Button>
          {training.policies.edit ? (
            <Popconfirm title={t('trainings.sessions.deleteConfirm')} onConfirm={() => remove.mutate(s.id)}>
              <Button type="link" size="small" danger>
                {t('trainings.sessions.delete')}
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      ),
    },
  ];
  return (
    <Card size="small">
      <Flex vertical gap={12}>
        {training.policies.edit ? (
          <Flex justify="flex-end">
            <Button type="primary" onClick={() => setAdding(true)}>
              {t('trainings.sessions.add')}
            </Button>
          </Flex>
        ) : null}
        {sessions.isError ? (
          <LoadError error={sessions.error} onRetry={() => void sessions.refetch()} />
        ) : (
          <Table<TrainingSessionResponse>
            rowKey="id"
            columns={columns}
            dataSource={sessions.data?.items ?? []}
            loading={sessions.isPending}
            pagination={false}
            size="small"
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('trainings.sessions.empty') }}
          />
        )}
      </Flex>
      <Modal
        title={t('trainings.sessions.add')}
        open={adding}
        onCancel={() => setAdding(false)}
        onOk={() => form.submit()}
        confirmLoading={add.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" name="session" onFinish={(v) => add.mutate(v)}>
          <Form.Item
            name="title"
            label={t('trainings.sessions.title')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="startsAt"
            label={t('trainings.sessions.startsAt')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input type="datetime-local" />
          </Form.Item>
          <Form.Item name="endsAt" label={t('trainings.sessions.endsAt')}>
            <Input type="datetime-local" />
          </Form.Item>
          <Form.Item name="place" label={t('trainings.sessions.place')}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        title={qrOf ? t('trainings.sessions.qrTitle', { title: qrOf.title }) : ''}
        open={qrOf !== null}
        onCancel={() => setQrOf(null)}
        footer={null}
        destroyOnHidden
        width={520}
      >
        {qrOf ? <SessionCode session={qrOf} title={`${training.title} · ${qrOf.title}`} /> : null}
      </Modal>
      <AttendanceDrawer session={attendanceOf} onClose={() => setAttendanceOf(null)} onSaved={refresh} />
    </Card>
  );
}

function SessionCode({ session, title }: { session: TrainingSessionResponse; title: string }) {
  const code = useQuery({
    queryKey: trainingKeys.code(session.id),
    queryFn: () => trainingsApi.signInCode(session.id),
  });
  if (code.isPending) return <PageSpinner />;
  if (code.isError) return <LoadError error={code.error} onRetry={() => void code.refetch()} />;
  return <SignInCodePanel code={code.data} title={title} onRefresh={() => void code.refetch()} />;
}

function AttendanceDrawer({
  session,
  onClose,
  onSaved,
}: {
  session: TrainingSessionResponse | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const list = useQuery({
    queryKey: trainingKeys.attendance(session?.id ?? 0),
    queryFn: () => trainingsApi.attendance(session!.id),
    enabled: session !== null,
  });
  const record = useMutation({
    mutationFn: ({ memberId, status }: { memberId: number; status: SessionAttendanceStatus }) =>
      trainingsApi.recordAttendance(session!.id, { records: [{ memberId, status }] }),
    onSuccess: (data) => {
      client.setQueryData(trainingKeys.attendance(session!.id), data);
      message.success(t('trainings.sessions.recorded'));
      onSaved();
    },
    onError: (error) => onError(error),
  });
  return (
    <Drawer
      title={session ? `${session.title} · ${t('trainings.sessions.attendance')}` : ''}
      open={session !== null}
      onClose={onClose}
      size={480}
      destroyOnHidden
    >
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table
          rowKey={(r) => r.member.id}
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          pagination={false}
          size="small"
          columns={[
            { title: t('trainings.enrolments.col.member'), render: (_, r) => r.member.name },
            {
              title: t('trainings.sessions.attendance'),
              width: 150,
              render: (_, r) => (
                <Select<SessionAttendanceStatus>
                  aria-label={`${r.member.name} ${t('trainings.sessions.attendance')}`}
                  size="small"
                  style={{ width: 120 }}
                  placeholder={t('trainings.sessions.notRecorded')}
                  value={r.status ?? undefined}
                  onChange={(status) => record.mutate({ memberId: r.member.id, status })}
                  options={SESSION_ATTENDANCE_STATUSES.map((s) => ({
                    value: s,
                    label: SESSION_ATTENDANCE_LABELS[s],
                  }))}
                />
              ),
            },
          ]}
        />
      )}
    </Drawer>
  );
}

function CompletionTab({ training }: { training: TrainingResponse }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const list = useEnrolments(training.id);
  const [min, setMin] = useState<number | null>(null);
  const [selected, setSelected] = useState<number[]>([]);
  const complete = useMutation({
    mutationFn: (ids: number[] | undefined) =>
      trainingsApi.complete(training.id, {
        ...(ids ? { enrolmentIds: ids } : {}),
        ...(min ? { minAttendancePercent: min } : {}),
      }),
    onSuccess: (res) => {
      message.success(t('trainings.completion.done', { n: res.completed.length }));
      if (res.skipped.length) message.warning(t('trainings.completion.skipped', { n: res.skipped.length }));
      setSelected([]);
      void client.invalidateQueries({ queryKey: trainingKeys.one(training.id) });
    },
    onError: (error) => onError(error),
  });
  const download = useMutation({
    mutationFn: (enrolmentId: number) => trainingsApi.certificate(training.id, enrolmentId),
    onSuccess: (name) => message.success(t('trainings.completion.downloaded', { name })),
    onError: (error) => onError(error),
  });
  const rows = (list.data?.items ?? []).filter((e) => e.status === 'enrolled' || e.status === 'completed');
  return (
    <Card size="small">
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('trainings.completion.intro')}
        </Typography.Paragraph>
        {training.policies.complete && rows.some((e) => e.status === 'enrolled') ? (
          <Flex gap={8} wrap align="center">
            <span>{t('trainings.completion.minAttendance')}</span>
            <InputNumber
              aria-label={t('trainings.completion.minAttendance')}
              min={0}
              max={100}
              value={min}
              onChange={(v) => setMin(v)}
            />
            <Button type="primary" loading={complete.isPending} onClick={() => complete.mutate(undefined)}>
              {t('trainings.completion.completeAll')}
            </Button>
            <Button
              disabled={selected.length === 0}
              loading={complete.isPending}
              onClick={() => complete.mutate(selected)}
            >
              {t('trainings.completion.completeSelected', { n: selected.length })}
            </Button>
          </Flex>
        ) : null}
        <Table<EnrolmentResponse>
          rowKey="id"
          size="small"
          loading={list.isPending}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          rowSelection={{
            selectedRowKeys: selected,
            onChange: (keys) => setSelected(keys as number[]),
            getCheckboxProps: (e) => ({ disabled: e.status !== 'enrolled' }),
          }}
          columns={[
            { title: t('trainings.enrolments.col.member'), render: (_, e) => e.member.name },
            {
              title: t('trainings.enrolments.col.attended'),
              width: 90,
              render: (_, e) => `${e.attended}/${training.counts.sessions}`,
            },
            {
              title: t('trainings.enrolments.col.status'),
              width: 100,
              render: (_, e) => (
                <Tag color={ENROLMENT_COLORS[e.status]}>{ENROLMENT_STATUS_LABELS[e.status]}</Tag>
              ),
            },
            { title: t('trainings.enrolments.col.certificate'), render: (_, e) => e.certificateNo ?? '—' },
            {
              title: t('common.actions'),
              width: 120,
              render: (_, e) =>
                e.certificateNo ? (
                  <Button
                    type="link"
                    size="small"
                    icon={<DownloadOutlined aria-hidden />}
                    loading={download.isPending && download.variables === e.id}
                    onClick={() => download.mutate(e.id)}
                  >
                    {t('trainings.completion.download')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Flex>
    </Card>
  );
}
