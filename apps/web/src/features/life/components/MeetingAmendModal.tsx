import {
  AMENDABLE_FIELD_LABELS,
  AMENDABLE_FIELDS,
  type AmendableField,
  type MeetingResponse,
} from '@ningxin/shared';
import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { RichTextEditor } from '../../notices/components/RichTextEditor';
import { meetingsApi } from '../life.api';
import { useRefreshMeetings } from '../useRefreshMeetings';

/** The dialog that corrects a field of an archived meeting, with a reason. */
export function MeetingAmendModal({
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
  const refresh = useRefreshMeetings();
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
