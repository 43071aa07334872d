import {
  type OrgResponse,
  POSITION_TITLES,
  PositionCreateBody,
  type PositionResponse,
  type PositionTitle,
  PositionUpdateBody,
} from '@ningxin/shared';
import { useMutation } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../app/i18n/useLabels';
import { checkWithSchema } from '../../../lib/schemaRule';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { orgsApi } from '../orgs.api';
import { useInvalidateOrgs } from '../useInvalidateOrgs';

interface Values {
  title: PositionTitle;
  holderName: string;
  termStart: Dayjs;
  termEnd?: Dayjs | null;
}

interface PositionFormModalProps {
  org: OrgResponse;
  /** The position to edit, or null to add one. */
  position: PositionResponse | null;
  open: boolean;
  onClose: () => void;
}

const ISO_DATE = 'YYYY-MM-DD';

export function PositionFormModal({ org, position, open, onClose }: PositionFormModalProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const showError = useApiErrorHandler();
  const invalidate = useInvalidateOrgs();

  const save = useMutation({
    mutationFn: (body: PositionCreateBody | PositionUpdateBody) =>
      position
        ? orgsApi.updatePosition(org.id, position.id, body as PositionUpdateBody)
        : orgsApi.addPosition(org.id, body as PositionCreateBody),
    onSuccess: () => {
      message.success(t('orgs.positionSaved'));
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

  const submit = (v: Values) => {
    const fields = {
      title: v.title,
      holderName: v.holderName,
      termStart: v.termStart.format(ISO_DATE),
      termEnd: v.termEnd ? v.termEnd.format(ISO_DATE) : null,
    };
    const body = position ? { ...fields, version: position.version } : fields;
    if (checkWithSchema(form, position ? PositionUpdateBody : PositionCreateBody, body)) save.mutate(body);
  };

  return (
    <Modal
      title={position ? t('orgs.editPosition') : t('orgs.addPosition')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          position
            ? {
                title: position.title,
                holderName: position.holderName,
                termStart: dayjs(position.termStart),
                termEnd: position.termEnd ? dayjs(position.termEnd) : null,
              }
            : { termStart: dayjs() }
        }
      >
        <Form.Item
          label={t('orgs.positionTitle')}
          name="title"
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select options={POSITION_TITLES.map((p) => ({ value: p, label: labels.positionTitle(p) }))} />
        </Form.Item>
        <Form.Item
          label={t('orgs.holderName')}
          name="holderName"
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item
          label={t('orgs.termStart')}
          name="termStart"
          rules={[{ required: true, message: t('common.required') }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('orgs.termEnd')} name="termEnd">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
