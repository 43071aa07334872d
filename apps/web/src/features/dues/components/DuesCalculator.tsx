import { DUES_CLASSES, type DuesCalculateResponse, type DuesClass, displayFen } from '@ningxin/shared';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { duesApi } from '../dues.api';

/** 党费测算: one income and class, answered by the server with the rules in force. */
export function DuesCalculator() {
  const { t } = useTranslation();
  const onError = useApiErrorHandler();
  const [form] = Form.useForm<{ cls: DuesClass; base?: string }>();
  const ask = useMutation({
    mutationFn: (v: { cls: DuesClass; base?: string }) => duesApi.calculate(v.cls, v.base || undefined),
    onError: (error) => onError(error),
  });
  const answer = (r: DuesCalculateResponse) =>
    r.rate === null
      ? t('dues.calc.fixed', { amount: displayFen(r.amountFen, 'yuan') })
      : t('dues.calc.result', {
          rate: `${(r.rate * 100).toFixed(1).replace(/\.0$/, '')}%`,
          amount: displayFen(r.amountFen, 'yuan'),
        });
  return (
    <Card size="small" title={t('dues.calc.title')}>
      <Form form={form} layout="inline" initialValues={{ cls: 'employee' }} onFinish={(v) => ask.mutate(v)}>
        <Form.Item name="cls" label={t('dues.calc.class')}>
          <Select
            style={{ width: 110 }}
            options={DUES_CLASSES.map((c) => ({ value: c, label: t(`dues.calc.classes.${c}`) }))}
          />
        </Form.Item>
        <Form.Item name="base" label={t('dues.calc.base')}>
          <Input style={{ width: 120 }} inputMode="decimal" />
        </Form.Item>
        <Button htmlType="submit" loading={ask.isPending}>
          {t('dues.calc.run')}
        </Button>
      </Form>
      {ask.data ? <Typography.Text strong>{answer(ask.data)}</Typography.Text> : null}
    </Card>
  );
}
