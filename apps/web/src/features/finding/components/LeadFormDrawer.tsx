import { CITIES, LEAD_SOURCE_LABELS, LeadCreateBody, type LeadCreateInput } from '@ningxin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer';
import { checkWithSchema } from '../../../lib/schemaRule';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { findingApi, findingKeys } from '../finding.api';

interface Values {
  memberId?: number;
  name?: string;
  phone?: string;
  idNumber?: string;
  homeCounty?: string;
  hostDistrict?: string;
  workplace?: string;
  address?: string;
  clue?: string;
  source?: string;
  finderId?: number;
}

const HOME = CITIES['130700']?.divisions ?? [];
const HOST = CITIES['110000']?.divisions ?? [];
const SOURCES = Object.entries(LEAD_SOURCE_LABELS).filter(([k]) => k !== 'lost_contact');

/** 新增线索: a person to look for, or a lost member's record number. */
export function LeadFormDrawer({
  campaignId,
  finders,
  open,
  onClose,
}: {
  campaignId: number;
  finders: { id: number; name: string }[];
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const showError = useApiErrorHandler();
  const client = useQueryClient();
  const body = (v: Values): LeadCreateInput =>
    v.memberId
      ? { memberId: v.memberId, finderId: v.finderId ?? null }
      : {
          name: v.name?.trim() ?? '',
          phone: v.phone?.trim() || null,
          idNumber: v.idNumber?.trim() || null,
          homeCounty: v.homeCounty ?? null,
          hostDistrict: v.hostDistrict ?? null,
          workplace: v.workplace?.trim() || null,
          address: v.address?.trim() || null,
          clue: v.clue?.trim() || null,
          source: (v.source ?? 'other') as 'other',
          finderId: v.finderId ?? null,
        };
  const save = useMutation({
    mutationFn: (v: Values) => findingApi.createLead(campaignId, body(v)),
    onSuccess: () => {
      message.success(t('finding.saved'));
      void client.invalidateQueries({ queryKey: findingKeys.all });
      onClose();
    },
    onError: (e) => showError(e, { form }),
  });
  return (
    <FormDrawer<Values>
      title={t('finding.addLead')}
      open={open}
      onClose={onClose}
      form={form}
      name="lead"
      submitting={save.isPending}
      initialValues={{ source: 'other' }}
      onFinish={(v) => {
        if (checkWithSchema(form, LeadCreateBody, body(v))) save.mutate(v);
      }}
    >
      <Form.Item label={t('finding.lostMember')} name="memberId">
        <InputNumber min={1} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('finding.leadName')} name="name">
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item label={t('finding.phone')} name="phone">
        <Input inputMode="tel" maxLength={30} />
      </Form.Item>
      <Form.Item label={t('finding.idNumber')} name="idNumber">
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item label={t('finding.homeCounty')} name="homeCounty">
        <Select allowClear options={HOME.map((d) => ({ value: d.code, label: d.name }))} />
      </Form.Item>
      <Form.Item label={t('finding.hostDistrict')} name="hostDistrict">
        <Select allowClear options={HOST.map((d) => ({ value: d.code, label: d.name }))} />
      </Form.Item>
      <Form.Item label={t('finding.workplace')} name="workplace">
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item label={t('finding.address')} name="address">
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label={t('finding.clue')} name="clue">
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Form.Item label={t('finding.source')} name="source">
        <Select options={SOURCES.map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item label={t('finding.finder')} name="finderId">
        <Select allowClear options={finders.map((f) => ({ value: f.id, label: f.name }))} />
      </Form.Item>
    </FormDrawer>
  );
}
