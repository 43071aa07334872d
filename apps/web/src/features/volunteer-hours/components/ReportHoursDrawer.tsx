import { localIsoDate, VolunteerHoursCreateBody } from '@ningxin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer';
import { schemaRule } from '../../../lib/schemaRule';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { volunteerHoursApi, volunteerHoursKeys } from '../volunteer-hours.api';

const fields = VolunteerHoursCreateBody.shape;

interface Values {
  servedOn: string;
  hours: number;
  description: string;
  place?: string;
}

/** 填报自主志愿服务: the day, the hours, what and where; it goes to the secretaries for review. */
export function ReportHoursDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (v: Values) =>
      volunteerHoursApi.create({
        servedOn: v.servedOn,
        hours: v.hours,
        description: v.description ?? '',
        place: v.place || null,
      }),
    onSuccess: () => {
      message.success(t('volunteerHours.form.created'));
      void client.invalidateQueries({ queryKey: volunteerHoursKeys.all });
      form.resetFields();
      onClose();
    },
    onError: (error) => onError(error, { form }),
  });
  return (
    <FormDrawer<Values>
      title={t('volunteerHours.form.title')}
      open={open}
      onClose={onClose}
      form={form}
      name="volunteer-hours"
      initialValues={{ servedOn: localIsoDate(new Date()), hours: 2 }}
      onFinish={(v) => save.mutate(v)}
      submitting={save.isPending}
      submitText={t('volunteerHours.form.submit')}
    >
      <Form.Item
        name="servedOn"
        label={t('volunteerHours.form.servedOn')}
        rules={[{ required: true, message: t('common.required') }, schemaRule(fields.servedOn)]}
      >
        <Input type="date" max={localIsoDate(new Date())} />
      </Form.Item>
      <Form.Item
        name="hours"
        label={t('volunteerHours.form.hours')}
        extra={t('volunteerHours.form.hoursHelp')}
        rules={[{ required: true, message: t('common.required') }, schemaRule(fields.hours)]}
      >
        <InputNumber min={0.1} max={24} step={0.5} style={{ width: '100%' }} inputMode="decimal" />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('volunteerHours.form.description')}
        rules={[{ required: true, message: t('common.required') }, schemaRule(fields.description)]}
      >
        <Input.TextArea rows={3} maxLength={200} showCount />
      </Form.Item>
      <Form.Item name="place" label={t('volunteerHours.form.place')} rules={[schemaRule(fields.place)]}>
        <Input maxLength={100} />
      </Form.Item>
    </FormDrawer>
  );
}
