import {
  DUES_METHOD_LABELS,
  DUES_METHODS,
  type DuesMethod,
  localIsoDate,
  monthLabel,
  monthsBetween,
} from '@ningxin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Radio, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { duesApi, duesKeys } from '../dues.api';

export interface PaymentTarget {
  memberId: number;
  memberName: string;
  /** The first month offered (the oldest month owed, or the month of the ledger). */
  fromMonth: string;
}

interface Values {
  fromMonth: string;
  toMonth: string;
  method: DuesMethod;
  paidOn: string;
  payerName?: string;
  note?: string;
}

/** The months a payment may cover: the year before the month to the end of its year. */
const monthOptions = (around: string) => {
  const y = Number(around.slice(0, 4));
  return monthsBetween(`${y - 1}-01`, `${y}-12`).map((m) => ({ value: m, label: monthLabel(m) }));
};

/** 登记交纳: a member's month or months (quarterly, back-payment); the server works out the amount. */
export function PaymentDrawer({ target, onClose }: { target: PaymentTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (v: Values) =>
      duesApi.pay({
        memberId: target!.memberId,
        fromMonth: v.fromMonth,
        toMonth: v.toMonth,
        method: v.method,
        paidOn: v.paidOn,
        payerName: v.payerName || null,
        note: v.note || null,
      }),
    onSuccess: (p) => {
      message.success(
        `${t('dues.payment.saved')}（${t('dues.yuan', { amount: (p.amountFen / 100).toFixed(2) })}）`,
      );
      void client.invalidateQueries({ queryKey: duesKeys.all });
      onClose();
    },
    onError: (error) => onError(error, { form }),
  });
  // Each member's form starts afresh (the form keeps the last member's values otherwise).
  useEffect(() => {
    if (target) form.resetFields();
  }, [target, form]);
  const required = [{ required: true, message: t('common.required') }];
  const options = target ? monthOptions(target.fromMonth) : [];
  return (
    <FormDrawer<Values>
      title={target ? t('dues.payment.title', { name: target.memberName }) : ''}
      open={target !== null}
      onClose={onClose}
      form={form}
      name="dues-payment"
      initialValues={
        target
          ? {
              fromMonth: target.fromMonth,
              toMonth: target.fromMonth,
              method: 'cash',
              paidOn: localIsoDate(new Date()),
            }
          : {}
      }
      onFinish={(v) => save.mutate(v)}
      submitting={save.isPending}
    >
      <Typography.Paragraph type="secondary">{t('dues.payment.amountHint')}</Typography.Paragraph>
      <Form.Item name="fromMonth" label={t('dues.payment.fromMonth')} rules={required}>
        <Select options={options} showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
      <Form.Item name="toMonth" label={t('dues.payment.toMonth')} rules={required}>
        <Select options={options} showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
      <Form.Item name="method" label={t('dues.payment.method')} rules={required}>
        <Radio.Group
          optionType="button"
          options={DUES_METHODS.map((m) => ({ value: m, label: DUES_METHOD_LABELS[m] }))}
        />
      </Form.Item>
      <Form.Item name="paidOn" label={t('dues.payment.paidOn')} rules={required}>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="payerName" label={t('dues.payment.payerName')}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="note" label={t('dues.payment.note')}>
        <Input maxLength={500} />
      </Form.Item>
    </FormDrawer>
  );
}
