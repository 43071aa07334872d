import { Form, Input, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface ReasonModalProps {
  title: ReactNode;
  open: boolean;
  /** The fields: a date (`type="date"`) or a text reason, by name. */
  fields: {
    name: string;
    label: string;
    kind: 'date' | 'text' | 'month';
    extra?: string;
    required?: boolean;
  }[];
  initialValues?: Record<string, unknown>;
  submitting: boolean;
  okText?: string;
  danger?: boolean;
  onCancel: () => void;
  onSubmit: (values: Record<string, string>, form: ReturnType<typeof Form.useForm>[0]) => void;
}

/** A small modal form for an action on one record: a date, a reason. */
export function ReasonModal(props: ReasonModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  return (
    <Modal
      title={props.title}
      open={props.open}
      onCancel={props.onCancel}
      onOk={() => form.submit()}
      okText={props.okText ?? t('common.confirm')}
      okButtonProps={{ danger: props.danger ?? false, loading: props.submitting }}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={props.initialValues}
        onFinish={(values) => props.onSubmit(values as Record<string, string>, form)}
        disabled={props.submitting}
      >
        {props.fields.map((f) => (
          <Form.Item
            key={f.name}
            name={f.name}
            label={f.label}
            extra={f.extra}
            rules={f.required === false ? [] : [{ required: true, message: t('common.required') }]}
          >
            {f.kind === 'text' ? <Input.TextArea rows={2} maxLength={200} /> : <Input type={f.kind} />}
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
