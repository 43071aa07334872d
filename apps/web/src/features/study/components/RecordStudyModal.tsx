import { localIsoDate, StudyRecordCreateBody } from '@ningxin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { schemaRule } from '../../../lib/schemaRule';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { studyApi, studyKeys } from '../study.api';

const fields = StudyRecordCreateBody.shape;

/** Records a member's offline study (study.write): the day, the hours and what was studied. */
export function RecordStudyModal({
  member,
  onClose,
}: {
  member: { id: number; name: string } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const save = useMutation({
    mutationFn: (v: { studiedOn: string; hours: number; title: string; note?: string }) =>
      studyApi.record({
        memberId: member!.id,
        studiedOn: v.studiedOn,
        hours: v.hours,
        title: v.title ?? '',
        note: v.note || null,
      }),
    onSuccess: (r) => {
      message.success(t('study.recorded', { hours: r.hours }));
      void client.invalidateQueries({ queryKey: studyKeys.all });
      onClose();
    },
    onError: (error) => onError(error, { form }),
  });
  return (
    <Modal
      title={member ? t('study.recordTitle', { name: member.name }) : ''}
      open={member !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('study.record')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        initialValues={{ studiedOn: localIsoDate(new Date()), hours: 2 }}
        clearOnDestroy
      >
        <Form.Item
          name="studiedOn"
          label={t('study.form.studiedOn')}
          rules={[{ required: true, message: t('study.form.studiedOn') }, schemaRule(fields.studiedOn)]}
        >
          <Input type="date" />
        </Form.Item>
        <Form.Item
          name="hours"
          label={t('study.form.hours')}
          rules={[{ required: true, message: t('study.form.hours') }, schemaRule(fields.hours)]}
        >
          <InputNumber min={0.5} max={24} step={0.5} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('study.form.title')}
          rules={[{ required: true, message: t('study.form.title') }, schemaRule(fields.title)]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="note" label={t('study.form.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
