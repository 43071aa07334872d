import { ArrowLeftOutlined, EditOutlined, QrcodeOutlined } from '@ant-design/icons';
import {
  AMENDABLE_FIELD_LABELS,
  AMENDABLE_FIELDS,
  type AmendableField,
  type MeetingResponse,
} from '@ningxin/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Statistic,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { LoadError } from '../../../components/LoadError';
import { PageSpinner } from '../../../components/PageSpinner';
import { ReasonModal } from '../../../components/ReasonModal';
import { SignInCodePanel } from '../../../components/SignInCodePanel';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { useFormatters } from '../../../lib/useFormatters';
import { RecordFiles } from '../../files/components/RecordFiles';
import { NoticeBody } from '../../notices/components/NoticeBody';
import { RichTextEditor } from '../../notices/components/RichTextEditor';
import { AttendanceTable } from '../components/AttendanceTable';
import { MeetingFormDrawer } from '../components/MeetingFormDrawer';
import { AttendanceTag, MeetingStateTag } from '../components/meetingTags';
import { meetingKeys, meetingsApi } from '../life.api';

/** A meeting: its facts, counts, minutes, attendance, QR and the steps the user may take. */
export function MeetingPage() {
  const { id: raw } = useParams();
  const id = Number(raw);
  const { t } = useTranslation();
  const meeting = useQuery({ queryKey: meetingKeys.detail(id), queryFn: () => meetingsApi.get(id) });
  if (meeting.isPending) return <PageSpinner />;
  if (meeting.isError) return <LoadError error={meeting.error} onRetry={() => void meeting.refetch()} />;
  const m = meeting.data;
  const manager = m.policies.signInCode || m.policies.amend || m.policies.update;
  return (
    <Flex vertical gap={16} className="nx-page">
      <Link to={manager ? '/meetings' : '/my-meetings'}>
        <ArrowLeftOutlined aria-hidden /> {manager ? t('life.detail.back') : t('life.mine.title')}
      </Link>
      <Flex justify="space-between" align="start" wrap gap={8}>
        <Flex vertical gap={4}>
          <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
            {m.topic}
          </Typography.Title>
          <Space wrap>
            <MeetingStateTag state={m.state} label={m.stateLabel} />
            <Typography.Text type="secondary">
              {m.typeLabel} · {m.org.name}
            </Typography.Text>
          </Space>
        </Flex>
        <MeetingActions meeting={m} />
      </Flex>
      <MeetingCounts meeting={m} />
      {m.mine ? <MyAttendance meeting={m} /> : null}
      <MeetingFacts meeting={m} />
      {m.policies.signInCode ? <SignInCode meeting={m} /> : null}
      <Minutes meeting={m} />
      {m.amendments.length ? <Amendments meeting={m} /> : null}
      {manager ? (
        <Card size="small" title={t('life.attendance.title')}>
          <AttendanceTable meeting={m} />
        </Card>
      ) : null}
      {manager ? (
        <Card size="small" title={t('life.detail.files')}>
          <RecordFiles owner={{ ownerType: 'meeting', ownerId: m.id }} purposes={['photo', 'attachment']} />
        </Card>
      ) : null}
    </Flex>
  );
}

function useRefresh() {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: meetingKeys.all });
}

function MeetingActions({ meeting: m }: { meeting: MeetingResponse }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const refresh = useRefresh();
  const [editing, setEditing] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [amending, setAmending] = useState(false);
  const step = useMutation({
    mutationFn: (kind: 'hold' | 'archive') =>
      kind === 'hold' ? meetingsApi.hold(m.id, { version: m.version }) : meetingsApi.archive(m.id, m.version),
    onSuccess: (_r, kind) => {
      message.success(t(kind === 'hold' ? 'life.detail.held' : 'life.detail.archived'));
      refresh();
    },
    onError: (e) => onError(e, { onConflict: refresh }),
  });
  const cancel = useMutation({
    mutationFn: ({ reason }: { reason: string; form: import('antd').FormInstance }) =>
      meetingsApi.cancel(m.id, { reason, version: m.version }),
    onSuccess: () => {
      message.success(t('life.detail.cancelled'));
      setCancelling(false);
      refresh();
    },
    onError: (e, { form }) => onError(e, { form, onConflict: refresh }),
  });
  const p = m.policies;
  return (
    <Space wrap>
      {p.update ? (
        <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
          {t('life.meetings.edit')}
        </Button>
      ) : null}
      {p.hold ? (
        <Popconfirm title={t('life.detail.holdConfirm')} onConfirm={() => step.mutate('hold')}>
          <Button type="primary" loading={step.isPending}>
            {t('life.detail.hold')}
          </Button>
        </Popconfirm>
      ) : null}
      {p.archive ? (
        <Popconfirm title={t('life.detail.archiveConfirm')} onConfirm={() => step.mutate('archive')}>
          <Button type="primary" loading={step.isPending}>
            {t('life.detail.archive')}
          </Button>
        </Popconfirm>
      ) : null}
      {p.amend ? <Button onClick={() => setAmending(true)}>{t('life.detail.amend')}</Button> : null}
      {p.cancel ? (
        <Button danger onClick={() => setCancelling(true)}>
          {t('life.detail.cancel')}
        </Button>
      ) : null}
      <MeetingFormDrawer open={editing} onClose={() => setEditing(false)} meeting={m} />
      <ReasonModal
        title={t('life.detail.cancel')}
        open={cancelling}
        fields={[{ name: 'reason', label: t('life.detail.cancelReason'), kind: 'text' }]}
        submitting={cancel.isPending}
        okText={t('life.detail.cancel')}
        danger
        onCancel={() => setCancelling(false)}
        onSubmit={(values, form) => cancel.mutate({ reason: values.reason!, form })}
      />
      <AmendModal meeting={m} open={amending} onClose={() => setAmending(false)} />
    </Space>
  );
}

function MeetingCounts({ meeting: m }: { meeting: MeetingResponse }) {
  const { t } = useTranslation();
  const keys = ['due', 'attended', 'late', 'leave', 'absent', 'pending', 'guests'] as const;
  return (
    <Card size="small">
      <Flex gap={24} wrap data-testid="meeting-counts">
        {keys.map((k) => (
          <Statistic key={k} title={t(`life.detail.counts.${k}`)} value={m.counts[k]} />
        ))}
        {m.counts.leaveRequested ? (
          <Statistic title={t('life.detail.counts.leaveRequested')} value={m.counts.leaveRequested} />
        ) : null}
      </Flex>
    </Card>
  );
}

function MyAttendance({ meeting: m }: { meeting: MeetingResponse }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const refresh = useRefresh();
  const [asking, setAsking] = useState(false);
  const leave = useMutation({
    mutationFn: ({ reason }: { reason: string; form: import('antd').FormInstance }) =>
      meetingsApi.requestLeave(m.id, reason),
    onSuccess: () => {
      message.success(t('life.detail.leaveRequested'));
      setAsking(false);
      refresh();
    },
    onError: (e, { form }) => onError(e, { form }),
  });
  const mine = m.mine!;
  return (
    <Card size="small" title={t('life.detail.myAttendance')}>
      <Space wrap>
        <AttendanceTag status={mine.status} label={mine.statusLabel} />
        {mine.leaveState ? <span>{t(`life.attendance.leaveStates.${mine.leaveState}`)}</span> : null}
        {m.policies.requestLeave ? (
          <Button onClick={() => setAsking(true)}>{t('life.detail.requestLeave')}</Button>
        ) : null}
      </Space>
      <ReasonModal
        title={t('life.detail.requestLeave')}
        open={asking}
        fields={[{ name: 'reason', label: t('life.detail.leaveReason'), kind: 'text' }]}
        submitting={leave.isPending}
        okText={t('life.detail.requestLeave')}
        onCancel={() => setAsking(false)}
        onSubmit={(values, form) => leave.mutate({ reason: values.reason!, form })}
      />
    </Card>
  );
}

function MeetingFacts({ meeting: m }: { meeting: MeetingResponse }) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const items = [
    { key: 'time', label: t('life.detail.time'), children: dateTime(m.plannedAt) },
    m.heldAt ? { key: 'heldAt', label: t('life.detail.heldAt'), children: dateTime(m.heldAt) } : null,
    m.place ? { key: 'place', label: t('life.detail.place'), children: m.place } : null,
    m.onlineUrl
      ? {
          key: 'online',
          label: t('life.detail.online'),
          children: (
            <a href={m.onlineUrl} target="_blank" rel="noopener noreferrer">
              {m.onlineUrl}
            </a>
          ),
        }
      : null,
    m.host ? { key: 'host', label: t('life.detail.host'), children: m.host } : null,
    m.recorder ? { key: 'recorder', label: t('life.detail.recorder'), children: m.recorder } : null,
    m.speaker ? { key: 'speaker', label: t('life.detail.speaker'), children: m.speaker } : null,
    m.agenda
      ? {
          key: 'agenda',
          label: t('life.detail.agenda'),
          children: <span style={{ whiteSpace: 'pre-wrap' }}>{m.agenda}</span>,
        }
      : null,
  ].filter((i) => i !== null);
  return (
    <Card size="small" title={t('life.detail.info')}>
      <Descriptions column={{ xs: 1, md: 2 }} size="small" items={items} />
    </Card>
  );
}

function SignInCode({ meeting: m }: { meeting: MeetingResponse }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const code = useQuery({
    queryKey: meetingKeys.code(m.id),
    queryFn: () => meetingsApi.signInCode(m.id),
    enabled: shown,
  });
  if (!shown)
    return (
      <Button
        icon={<QrcodeOutlined aria-hidden />}
        onClick={() => setShown(true)}
        style={{ alignSelf: 'start' }}
      >
        {t('life.detail.signInCode')}
      </Button>
    );
  if (code.isError) return <LoadError error={code.error} onRetry={() => void code.refetch()} />;
  if (!code.data) return <PageSpinner />;
  return (
    <Card size="small" title={t('life.detail.signInCode')}>
      <SignInCodePanel code={code.data} title={m.topic} onRefresh={() => void code.refetch()} />
    </Card>
  );
}

function Minutes({ meeting: m }: { meeting: MeetingResponse }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const refresh = useRefresh();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<{ minutes: string; resolutions: string }>();
  const save = useMutation({
    mutationFn: (v: { minutes: string; resolutions: string }) =>
      meetingsApi.update(m.id, {
        minutes: v.minutes || null,
        resolutions: v.resolutions || null,
        version: m.version,
      }),
    onSuccess: () => {
      message.success(t('life.meetings.saved'));
      setEditing(false);
      refresh();
    },
    onError: (e) => onError(e, { form, onConflict: refresh }),
  });
  const block = (label: string, html: string | null) => (
    <Flex vertical gap={4}>
      <Typography.Text strong>{label}</Typography.Text>
      {html ? (
        <NoticeBody html={html} />
      ) : (
        <Typography.Text type="secondary">{t('life.detail.noMinutes')}</Typography.Text>
      )}
    </Flex>
  );
  return (
    <Card
      size="small"
      title={t('life.detail.minutes')}
      extra={
        m.policies.update ? (
          <Button size="small" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
            {t('life.detail.editMinutes')}
          </Button>
        ) : null
      }
    >
      <Flex vertical gap={12}>
        {block(t('life.detail.minutes'), m.minutes)}
        {block(t('life.detail.resolutions'), m.resolutions)}
      </Flex>
      <Modal
        title={t('life.detail.editMinutes')}
        open={editing}
        onCancel={() => setEditing(false)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        width={760}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ minutes: m.minutes ?? '', resolutions: m.resolutions ?? '' }}
          onFinish={(v) => save.mutate(v)}
        >
          <Form.Item name="minutes" label={t('life.detail.minutes')}>
            <RichTextEditor />
          </Form.Item>
          <Form.Item name="resolutions" label={t('life.detail.resolutions')}>
            <RichTextEditor />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

function AmendModal({
  meeting: m,
  open,
  onClose,
}: {
  meeting: MeetingResponse;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const refresh = useRefresh();
  const [form] = Form.useForm<{ field: AmendableField; after: string; reason: string }>();
  const field = Form.useWatch('field', form);
  const rich = field === 'minutes' || field === 'resolutions';
  const amend = useMutation({
    mutationFn: (v: { field: AmendableField; after: string; reason: string }) => meetingsApi.amend(m.id, v),
    onSuccess: () => {
      message.success(t('life.detail.amended'));
      onClose();
      refresh();
    },
    onError: (e) => onError(e, { form }),
  });
  const required = [{ required: true, message: t('common.required') }];
  return (
    <Modal
      title={t('life.detail.amend')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={amend.isPending}
      width={760}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ field: 'minutes', after: m.minutes ?? '' }}
        onValuesChange={(changed) => {
          if ('field' in changed) form.setFieldValue('after', m[changed.field as AmendableField] ?? '');
        }}
        onFinish={(v) => amend.mutate(v)}
      >
        <Form.Item name="field" label={t('life.detail.amendField')} rules={required}>
          <Select options={AMENDABLE_FIELDS.map((f) => ({ value: f, label: AMENDABLE_FIELD_LABELS[f] }))} />
        </Form.Item>
        <Form.Item name="after" label={t('life.detail.amendAfter')}>
          {rich ? <RichTextEditor /> : <Input.TextArea rows={3} />}
        </Form.Item>
        <Form.Item name="reason" label={t('life.detail.amendReason')} rules={required}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Amendments({ meeting: m }: { meeting: MeetingResponse }) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  return (
    <Card size="small" title={t('life.detail.amendments')}>
      <Timeline
        items={m.amendments.map((a) => ({
          key: a.id,
          content: t('life.detail.amendmentLine', {
            time: dateTime(a.createdAt),
            by: a.createdBy ?? '',
            field: a.fieldLabel,
            reason: a.reason,
          }),
        }))}
      />
    </Card>
  );
}
