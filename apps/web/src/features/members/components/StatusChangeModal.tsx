import {
  localIsoDate,
  MEMBER_STATUS_TRANSITIONS,
  type MemberResponse,
  type MemberStatus,
  MemberStatusChangeBody,
} from '@ningxin/shared';
import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../app/i18n/useLabels';
import { checkWithSchema, schemaRule } from '../../../lib/schemaRule';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { membersApi } from '../members.api';
import { useInvalidateMembers } from '../useMember';
import { DateField } from './DateField';
import { MemberStatusTag } from './MemberStatusTag';

interface Values {
  status: MemberStatus;
  effectiveDate: Dayjs;
  reason: string;
}

interface StatusChangeModalProps {
  member: MemberResponse;
  open: boolean;
  onClose: () => void;
}

/** 变更状态: only to a status that may follow the current one, with a date and a reason. */
export function StatusChangeModal({ member, open, onClose }: StatusChangeModalProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const showError = useApiErrorHandler();
  const invalidate = useInvalidateMembers();
  const next = MEMBER_STATUS_TRANSITIONS[member.status];
  const toBody = (v: Values) => ({
    status: v.status,
    effectiveDate: v.effectiveDate ? v.effectiveDate.format('YYYY-MM-DD') : '',
    reason: v.reason?.trim() ?? '',
    version: member.version,
  });

  const change = useMutation({
    mutationFn: (v: Values) => membersApi.changeStatus(member.id, toBody(v)),
    onSuccess: () => {
      message.success(t('member.statusChanged'));
      void invalidate();
      onClose();
    },
    onError: (e) =>
      showError(e, {
        form,
        onConflict: () => {
          void invalidate();
          onClose();
        },
      }),
  });

  return (
    <Modal
      title={`${t('member.changeStatusTitle')} · ${member.name}`}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={change.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          effectiveDate: dayjs(localIsoDate(new Date())),
          status: next.length === 1 ? next[0] : undefined,
        }}
        onFinish={(v) => {
          if (checkWithSchema(form, MemberStatusChangeBody, toBody(v))) change.mutate(v);
        }}
      >
        <Form.Item label={t('member.currentStatus')}>
          <MemberStatusTag status={member.status} />
        </Form.Item>
        <Form.Item
          label={t('member.newStatus')}
          name="status"
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select
            placeholder={t('member.selectPlaceholder')}
            options={next.map((s) => ({ value: s, label: labels.memberStatus(s) }))}
          />
        </Form.Item>
        <Form.Item
          label={t('member.effectiveDate')}
          name="effectiveDate"
          rules={[{ required: true, message: t('common.required') }]}
        >
          <DateField />
        </Form.Item>
        <Form.Item
          label={t('member.reason')}
          name="reason"
          rules={[{ required: true, message: '请填写原因' }, schemaRule(MemberStatusChangeBody.shape.reason)]}
        >
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
