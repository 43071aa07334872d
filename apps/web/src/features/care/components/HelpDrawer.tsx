import {
  CARE_HELP_KIND_LABELS,
  CARE_HELP_KINDS,
  type CareHelpKind,
  type CareHelpResponse,
  localIsoDate,
} from '@ningxin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { moneyPattern, yuanInput } from '../../hometown/money';
import { MemberSelect } from '../../members/components/MemberSelect';
import { careApi, careKeys } from '../care.api';

interface Values {
  memberId: number;
  kind: CareHelpKind;
  amountYuan?: string;
  givenOn: string;
  reason: string;
  note?: string;
}

/** 登记 / 修改困难帮扶: money or goods with an amount in 元, or a service without one. */
export function HelpDrawer({
  open,
  onClose,
  editing,
}: {
  open: boolean;
  onClose: () => void;
  editing?: CareHelpResponse | null;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const kind = Form.useWatch('kind', form);
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        memberId: v.memberId,
        kind: v.kind,
        ...(v.kind !== 'service' && v.amountYuan ? { amountYuan: v.amountYuan } : {}),
        givenOn: v.givenOn,
        reason: v.reason,
        note: v.note ?? null,
      };
      return editing
        ? careApi.updateHelp(editing.id, { ...body, version: editing.version })
        : careApi.createHelp(body);
    },
    onSuccess: () => {
      message.success(editing ? t('care.saved') : t('care.created'));
      void client.invalidateQueries({ queryKey: careKeys.all });
      onClose();
    },
    onError: (error) =>
      onError(error, { form, onConflict: () => void client.invalidateQueries({ queryKey: careKeys.all }) }),
  });
  const required = [{ required: true, message: t('common.required') }];
  const initial: Partial<Values> = editing
    ? {
        memberId: editing.member.id,
        kind: editing.kind,
        amountYuan: editing.amountFen ? yuanInput(editing.amountFen) : undefined,
        givenOn: editing.givenOn,
        reason: editing.reason,
        note: editing.note ?? undefined,
      }
    : { kind: 'money', givenOn: localIsoDate(new Date()) };
  return (
    <FormDrawer<Values>
      title={editing ? t('care.edit') : t('care.help.create')}
      open={open}
      onClose={onClose}
      form={form}
      name="care-help"
      width={560}
      initialValues={initial}
      onFinish={(v) => save.mutate(v)}
      submitting={save.isPending}
    >
      <Form.Item name="memberId" label={t('care.help.form.member')} rules={required}>
        <MemberSelect placeholder={t('care.memberPlaceholder')} valueLabel={editing?.member.name} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="kind" label={t('care.help.form.kind')} rules={required}>
            <Select options={CARE_HELP_KINDS.map((k) => ({ value: k, label: CARE_HELP_KIND_LABELS[k] }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="givenOn" label={t('care.help.form.givenOn')} rules={required}>
            <Input type="date" />
          </Form.Item>
        </Col>
      </Row>
      {kind === 'service' ? null : (
        <Form.Item
          name="amountYuan"
          label={t('care.help.form.amount')}
          rules={[...required, { pattern: moneyPattern(2), message: t('care.moneyHelp') }]}
        >
          <Input inputMode="decimal" />
        </Form.Item>
      )}
      <Form.Item name="reason" label={t('care.help.form.reason')} rules={required}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="note" label={t('care.note')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormDrawer>
  );
}
