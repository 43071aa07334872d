import {
  MEETING_MODE_LABELS,
  MEETING_MODES,
  MEETING_TYPE_LABELS,
  MEETING_TYPES,
  type MeetingMode,
  type MeetingResponse,
  type MeetingType,
} from '@ningxin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Checkbox, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { FormDrawer } from '../../../components/FormDrawer';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { MemberPicker } from '../../notices/components/MemberPicker';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { meetingKeys, meetingsApi } from '../life.api';

interface Values {
  orgId: number;
  type: MeetingType;
  customType?: string;
  topic: string;
  plannedAt: string;
  mode: MeetingMode;
  place?: string;
  onlineUrl?: string;
  host?: string;
  recorder?: string;
  speaker?: string;
  agenda?: string;
  allowGuests: boolean;
  studyHours?: number | null;
  addMemberIds?: number[];
  removeMemberIds?: number[];
  guestMemberIds?: number[];
}

/** `2026-12-06T19:30` (Beijing time, as a datetime-local input holds it) from an instant, and back. */
export const toLocalInput = (iso: string) =>
  new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16);
const fromLocalInput = (local: string) => `${local}:00+08:00`;

/** The next whole hour, Beijing time: the form's default for a new meeting. */
const nextHour = () => toLocalInput(new Date(Math.ceil(Date.now() / 3600_000) * 3600_000).toISOString());

const blankToNull = (v: string | undefined) => (v?.trim() ? v : null);

/** 新建 / 修改会议: the meeting's facts and who is expected beyond the org's members. */
export function MeetingFormDrawer({
  open,
  onClose,
  meeting,
}: {
  open: boolean;
  onClose: () => void;
  /** The meeting to change; none to create one. */
  meeting?: MeetingResponse | null;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const navigate = useNavigate();
  const type = Form.useWatch('type', form);
  const mode = Form.useWatch('mode', form);
  const save = useMutation({
    mutationFn: (v: Values) => {
      const common = {
        type: v.type,
        customType: v.type === 'custom' ? blankToNull(v.customType) : null,
        topic: v.topic,
        plannedAt: fromLocalInput(v.plannedAt),
        mode: v.mode,
        place: blankToNull(v.place),
        onlineUrl: blankToNull(v.onlineUrl),
        host: blankToNull(v.host),
        recorder: blankToNull(v.recorder),
        speaker: blankToNull(v.speaker),
        agenda: blankToNull(v.agenda),
        allowGuests: v.allowGuests,
        studyHours: v.studyHours ?? null,
        addMemberIds: v.addMemberIds ?? [],
        removeMemberIds: v.removeMemberIds ?? [],
        guestMemberIds: v.guestMemberIds ?? [],
      };
      return meeting
        ? meetingsApi.update(meeting.id, { ...common, version: meeting.version })
        : meetingsApi.create({ ...common, orgId: v.orgId });
    },
    onSuccess: (m) => {
      message.success(t(meeting ? 'life.meetings.saved' : 'life.meetings.created'));
      void client.invalidateQueries({ queryKey: meetingKeys.all });
      onClose();
      if (!meeting) navigate(`/meetings/${m.id}`);
    },
    onError: (error) => onError(error, { form }),
  });
  const required = [{ required: true, message: t('common.required') }];
  const initialValues: Partial<Values> = meeting
    ? {
        orgId: meeting.org.id,
        type: meeting.type,
        customType: meeting.customType ?? undefined,
        topic: meeting.topic,
        plannedAt: toLocalInput(meeting.plannedAt),
        mode: meeting.mode,
        place: meeting.place ?? undefined,
        onlineUrl: meeting.onlineUrl ?? undefined,
        host: meeting.host ?? undefined,
        recorder: meeting.recorder ?? undefined,
        speaker: meeting.speaker ?? undefined,
        agenda: meeting.agenda ?? undefined,
        allowGuests: meeting.allowGuests,
        studyHours: meeting.studyHours,
      }
    : { type: 'theme_day', mode: 'offline', allowGuests: false, plannedAt: nextHour() };
  return (
    <FormDrawer<Values>
      title={t(meeting ? 'life.meetings.edit' : 'life.meetings.create')}
      open={open}
      onClose={onClose}
      form={form}
      name="meeting-form"
      initialValues={initialValues}
      onFinish={(v) => save.mutate(v)}
      submitting={save.isPending}
    >
      {meeting ? null : (
        <Form.Item name="orgId" label={t('life.form.org')} rules={required}>
          <OrgTreeSelect />
        </Form.Item>
      )}
      <Form.Item name="type" label={t('life.form.type')} rules={required}>
        <Select options={MEETING_TYPES.map((v) => ({ value: v, label: MEETING_TYPE_LABELS[v] }))} />
      </Form.Item>
      {type === 'custom' ? (
        <Form.Item name="customType" label={t('life.form.customType')} rules={required}>
          <Input maxLength={30} />
        </Form.Item>
      ) : null}
      <Form.Item name="topic" label={t('life.form.topic')} rules={required}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="plannedAt" label={t('life.form.plannedAt')} rules={required}>
        <Input type="datetime-local" />
      </Form.Item>
      <Form.Item name="mode" label={t('life.form.mode')} rules={required}>
        <Select options={MEETING_MODES.map((v) => ({ value: v, label: MEETING_MODE_LABELS[v] }))} />
      </Form.Item>
      {mode !== 'online' ? (
        <Form.Item name="place" label={t('life.form.place')}>
          <Input maxLength={200} />
        </Form.Item>
      ) : null}
      {mode !== 'offline' ? (
        <Form.Item name="onlineUrl" label={t('life.form.onlineUrl')}>
          <Input maxLength={500} />
        </Form.Item>
      ) : null}
      <Form.Item name="host" label={t('life.form.host')}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="recorder" label={t('life.form.recorder')}>
        <Input maxLength={50} />
      </Form.Item>
      {type === 'party_lecture' ? (
        <Form.Item name="speaker" label={t('life.form.speaker')}>
          <Input maxLength={50} />
        </Form.Item>
      ) : null}
      <Form.Item name="studyHours" label={t('life.form.studyHours')}>
        <InputNumber min={0} max={100} step={0.5} />
      </Form.Item>
      <Form.Item name="agenda" label={t('life.form.agenda')}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      <Form.Item name="allowGuests" valuePropName="checked">
        <Checkbox>{t('life.form.allowGuests')}</Checkbox>
      </Form.Item>
      <Form.Item name="addMemberIds" label={t('life.form.add')} extra={t('life.form.attendeesHelp')}>
        <MemberPicker placeholder={t('life.form.memberSearch')} />
      </Form.Item>
      <Form.Item name="removeMemberIds" label={t('life.form.remove')}>
        <MemberPicker placeholder={t('life.form.memberSearch')} />
      </Form.Item>
      <Form.Item name="guestMemberIds" label={t('life.form.guests')}>
        <MemberPicker placeholder={t('life.form.memberSearch')} />
      </Form.Item>
    </FormDrawer>
  );
}
