import { type LeadResponse, VISIT_METHOD_LABELS, VISIT_METHODS, VisitCreateBody } from '@ningxin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer';
import { checkWithSchema } from '../../../lib/schemaRule';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { DateField } from '../../members/components/DateField';
import { findingApi, findingKeys } from '../finding.api';

interface Values {
  visitedOn?: Dayjs;
  method?: string;
  note?: string;
  stateAfter?: string;
}

const RESULTS = [
  { value: 'contacted', label: '已联系上' },
  { value: 'visited', label: '已见面走访' },
  { value: 'not_member', label: '不是党员' },
  { value: 'not_found', label: '没有找到' },
];

/** 记录寻访: date, how (phone, visit, WeChat), what happened, the lead's state after it. */
export function VisitDrawer({
  lead,
  open,
  onClose,
}: {
  lead: LeadResponse;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const showError = useApiErrorHandler();
  const client = useQueryClient();
  const results = RESULTS.filter((r) => lead.state !== 'visited' || r.value !== 'contacted');
  const body = (v: Values) => ({
    visitedOn: v.visitedOn?.format('YYYY-MM-DD') ?? '',
    method: v.method,
    note: v.note?.trim() || null,
    stateAfter: v.stateAfter,
    version: lead.version,
  });
  const save = useMutation({
    mutationFn: (v: Values) => findingApi.logVisit(lead.id, VisitCreateBody.parse(body(v))),
    onSuccess: (saved) => {
      message.success(t('finding.visitSaved'));
      client.setQueryData(findingKeys.lead(lead.id), saved);
      void client.invalidateQueries({ queryKey: findingKeys.all });
      onClose();
    },
    onError: (e) => showError(e, { form, onConflict: onClose }),
  });
  const radio = { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8, width: '100%' } as const;
  return (
    <FormDrawer<Values>
      title={`${t('finding.logVisit')} · ${lead.name}`}
      open={open}
      onClose={onClose}
      form={form}
      name="visit"
      submitting={save.isPending}
      initialValues={{
        visitedOn: dayjs(),
        method: 'phone',
        stateAfter: lead.state === 'visited' ? 'visited' : 'contacted',
      }}
      onFinish={(v) => {
        if (checkWithSchema(form, VisitCreateBody, body(v))) save.mutate(v);
      }}
    >
      <Form.Item
        label={t('finding.visitedOn')}
        name="visitedOn"
        rules={[{ required: true, message: t('common.required') }]}
      >
        <DateField size="large" inputReadOnly />
      </Form.Item>
      <Form.Item label={t('finding.method')} name="method">
        <Radio.Group
          size="large"
          optionType="button"
          buttonStyle="solid"
          style={{ ...radio, gridTemplateColumns: '1fr 1fr 1fr' }}
          options={VISIT_METHODS.map((m) => ({ value: m, label: VISIT_METHOD_LABELS[m] }))}
        />
      </Form.Item>
      <Form.Item label={t('finding.result')} name="stateAfter">
        <Radio.Group size="large" optionType="button" buttonStyle="solid" style={radio} options={results} />
      </Form.Item>
      <Form.Item label={t('finding.note')} name="note">
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
    </FormDrawer>
  );
}
