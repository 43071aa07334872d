import {
  DUES_RELIEF_KIND_LABELS,
  DUES_RELIEF_KINDS,
  type DuesReliefKind,
  localIsoDate,
} from '@ningxin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Radio } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { MemberSelect } from '../../members/components/MemberSelect';
import { duesApi, duesKeys } from '../dues.api';

interface Values {
  memberId: number;
  kind: DuesReliefKind;
  fromMonth: string;
  toMonth: string;
  monthlyYuan?: string;
  reason: string;
}

/** 提出减免: a member, months, reduced to an amount or waived, and why; the branch reviews it next. */
export function ReliefDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  const save = useMutation({
    mutationFn: (v: Values) =>
      duesApi.createRelief({
        memberId: v.memberId,
        kind: v.kind,
        fromMonth: v.fromMonth,
        toMonth: v.toMonth,
        ...(v.kind === 'reduced' ? { monthlyYuan: v.monthlyYuan ?? '' } : {}),
        reason: v.reason,
      }),
    onSuccess: () => {
      message.success(t('dues.reliefs.saved'));
      void client.invalidateQueries({ queryKey: duesKeys.all });
      onClose();
    },
    onError: (error) => onError(error, { form }),
  });
  const required = [{ required: true, message: t('common.required') }];
  const month = localIsoDate(new Date()).slice(0, 7);
  return (
    <FormDrawer<Values>
      title={t('dues.reliefs.create')}
      open={open}
      onClose={onClose}
      form={form}
      name="dues-relief"
      initialValues={{ kind: 'waived', fromMonth: month, toMonth: month }}
      onFinish={(v) => save.mutate(v)}
      submitting={save.isPending}
    >
      <Form.Item name="memberId" label={t('dues.member')} rules={required}>
        <MemberSelect />
      </Form.Item>
      <Form.Item name="kind" label={t('dues.reliefs.kind')} rules={required}>
        <Radio.Group
          optionType="button"
          options={DUES_RELIEF_KINDS.map((k) => ({ value: k, label: DUES_RELIEF_KIND_LABELS[k] }))}
        />
      </Form.Item>
      <Form.Item name="fromMonth" label={t('dues.payment.fromMonth')} rules={required}>
        <Input type="month" />
      </Form.Item>
      <Form.Item name="toMonth" label={t('dues.payment.toMonth')} rules={required}>
        <Input type="month" />
      </Form.Item>
      {kind === 'reduced' ? (
        <Form.Item name="monthlyYuan" label={t('dues.reliefs.monthly')} rules={required}>
          <Input inputMode="decimal" />
        </Form.Item>
      ) : null}
      <Form.Item name="reason" label={t('dues.reliefs.reason')} rules={required}>
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormDrawer>
  );
}
