import { localIsoDate, MEMBER_TYPE_LABELS, MEMBER_TYPES, type TransferCreateInput } from '@ningxin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Divider, Form, Input, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { useCurrentUser } from '../../auth/useMe';
import { duesApi } from '../../dues/dues.api';
import { MemberSelect } from '../../members/components/MemberSelect';
import { useDivisions } from '../../meta/useDivisions';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { paperKeys, transfersApi } from '../papers.api';

interface Props {
  direction: 'outgoing' | 'incoming' | null;
  onClose: () => void;
}

type Values = Record<string, unknown> & { person?: Record<string, unknown> };

/** 开具转出介绍信 / 登记转入: the letter's facts, and for an incoming member the person's record. */
export function TransferCreateDrawer({ direction, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const divisions = useDivisions();
  const today = localIsoDate(new Date());
  // 党费交至 from the dues ledger, when the user may read it (never later than this month).
  const memberId = Form.useWatch('memberId', form) as number | undefined;
  const readsDues = useCurrentUser().permissions.includes('dues.read');
  useEffect(() => {
    if (!memberId || !readsDues) return;
    let live = true;
    duesApi.member(memberId).then(
      (d) => {
        if (live && d.paidUpTo)
          form.setFieldValue('duesPaidUntil', [d.paidUpTo, today.slice(0, 7)].sort()[0]);
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, [memberId, readsDues, form, today]);
  const create = useMutation({
    mutationFn: (body: TransferCreateInput) => transfersApi.create(body),
    onSuccess: (tr) => {
      message.success(t('papers.transfers.form.issued', { number: tr.letterNumber }));
      void client.invalidateQueries({ queryKey: paperKeys.transfers });
      onClose();
    },
    onError: (error) => onError(error, { form }),
  });
  const required = [{ required: true, message: t('common.required') }];
  const clean = (v: Values) =>
    Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== null && x !== ''));
  const submit = (values: Values) => {
    const { person, ...letter } = values;
    const body =
      direction === 'incoming'
        ? { ...clean(letter), direction, person: { ...clean(person ?? {}), tags: [], source: 'manual' } }
        : { ...clean(letter), direction };
    create.mutate(body as TransferCreateInput);
  };
  const f = (key: string) => t(`papers.transfers.form.${key}` as 'papers.transfers.form.name');
  return (
    <FormDrawer<Values>
      title={
        direction === 'incoming' ? t('papers.transfers.createIncoming') : t('papers.transfers.createOutgoing')
      }
      open={direction !== null}
      onClose={onClose}
      form={form}
      name={`transfer-${direction ?? 'none'}`}
      initialValues={{ issuedOn: today, duesPaidUntil: today.slice(0, 7), person: { memberType: 'full' } }}
      onFinish={submit}
      submitting={create.isPending}
      width={560}
    >
      {direction === 'outgoing' ? (
        <>
          <Form.Item name="memberId" label={f('member')} rules={required}>
            <MemberSelect placeholder={t('papers.certificates.form.memberPlaceholder')} />
          </Form.Item>
          <Form.Item name="toOrgName" label={f('toOrgName')} rules={required}>
            <Input maxLength={100} />
          </Form.Item>
        </>
      ) : (
        <>
          <Form.Item name="fromOrgName" label={f('fromOrgName')} rules={required}>
            <Input maxLength={100} />
          </Form.Item>
          <Divider titlePlacement="start">{f('person')}</Divider>
          <Form.Item name={['person', 'orgId']} label={f('orgId')} rules={required}>
            <OrgTreeSelect />
          </Form.Item>
          <Form.Item name={['person', 'name']} label={f('name')} rules={required}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item
            name={['person', 'idNumber']}
            label={f('idNumber')}
            extra={f('idNumberHelp')}
            rules={required}
          >
            <Input maxLength={18} />
          </Form.Item>
          <Form.Item name={['person', 'phone']} label={f('phone')} rules={required}>
            <Input maxLength={20} inputMode="tel" />
          </Form.Item>
          <Form.Item name={['person', 'homeCounty']} label={f('homeCounty')} rules={required}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={divisions.isPending}
              options={divisions.data?.home.divisions.map((d) => ({ value: d.code, label: d.name })) ?? []}
            />
          </Form.Item>
          <Form.Item name={['person', 'memberType']} label={f('memberType')} rules={required}>
            <Select options={MEMBER_TYPES.map((m) => ({ value: m, label: MEMBER_TYPE_LABELS[m] }))} />
          </Form.Item>
          <Form.Item name={['person', 'joinedAt']} label={f('joinedAt')} rules={required}>
            <Input type="date" max={today} />
          </Form.Item>
          <Form.Item name={['person', 'fullMemberAt']} label={f('fullMemberAt')}>
            <Input type="date" max={today} />
          </Form.Item>
          <Divider />
        </>
      )}
      <Form.Item name="duesPaidUntil" label={f('duesPaidUntil')} rules={required}>
        <Input type="month" max={today.slice(0, 7)} />
      </Form.Item>
      <Form.Item name="issuedOn" label={f('issuedOn')} rules={required}>
        <Input type="date" max={today} />
      </Form.Item>
      <Form.Item name="validUntil" label={f('validUntil')} extra={f('validUntilHelp')}>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="reason" label={f('reason')}>
        <Input maxLength={200} />
      </Form.Item>
    </FormDrawer>
  );
}
