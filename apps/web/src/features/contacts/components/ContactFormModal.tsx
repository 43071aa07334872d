import {
  CONTACT_METHODS,
  ContactCreateBody,
  type ContactCreateInput,
  type ContactMethod,
  type ContactResult,
} from '@ningxin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { checkWithSchema } from '../../../lib/schemaRule';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { DateField } from '../../members/components/DateField';
import { contactKeys, contactsApi } from '../contacts.api';

interface FormValues {
  kind: 'contact' | 'note';
  contactedOn: Dayjs;
  method: ContactMethod;
  result: ContactResult;
  note?: string;
}

interface ContactFormModalProps {
  memberId: number;
  memberName: string;
  open: boolean;
  onClose: () => void;
}

/** 记一笔: a contact (date, method, result, note) or a note, for one member. */
export function ContactFormModal({ memberId, memberName, open, onClose }: ContactFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const kind = Form.useWatch('kind', form) ?? 'contact';
  const add = useMutation({
    mutationFn: (body: ContactCreateInput) => contactsApi.add(memberId, body),
    onSuccess: () => {
      message.success(t('contacts.added'));
      void queryClient.invalidateQueries({ queryKey: contactKeys.log(memberId) });
      void queryClient.invalidateQueries({ queryKey: ['members'] });
      void queryClient.invalidateQueries({ queryKey: contactKeys.all });
      form.resetFields();
      onClose();
    },
    onError: (e) => onError(e, { form }),
  });
  const submit = (v: FormValues) => {
    const body: ContactCreateInput = {
      contactedOn: v.contactedOn.format('YYYY-MM-DD'),
      method: v.kind === 'note' ? 'note' : v.method,
      result: v.kind === 'note' ? 'note' : v.result,
      note: v.note ?? null,
    };
    if (checkWithSchema(form, ContactCreateBody, body)) add.mutate(body);
  };
  return (
    <Modal
      open={open}
      title={`${t('contacts.add')}：${memberName}`}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={add.isPending}
      destroyOnHidden
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ kind: 'contact', contactedOn: dayjs(), method: 'phone', result: 'reached' }}
      >
        <Form.Item name="kind" label={t('contacts.kind')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'contact', label: t('contacts.kindContact') },
              { value: 'note', label: t('contacts.kindNote') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="contactedOn"
          label={t('contacts.contactedOn')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <DateField />
        </Form.Item>
        {kind === 'contact' && (
          <>
            <Form.Item name="method" label={t('contacts.method')}>
              <Select
                options={CONTACT_METHODS.filter((m) => m !== 'note').map((m) => ({
                  value: m,
                  label: t(`contacts.methods.${m}`),
                }))}
              />
            </Form.Item>
            <Form.Item name="result" label={t('contacts.result')}>
              <Radio.Group
                options={(['reached', 'not_reached'] as const).map((r) => ({
                  value: r,
                  label: t(`contacts.results.${r}`),
                }))}
              />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="note"
          label={t('contacts.note')}
          rules={kind === 'note' ? [{ required: true, message: t('common.required') }] : []}
        >
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('contacts.notePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
