import {
  EDUCATION_LEVELS,
  ETHNICITIES,
  GENDERS,
  MemberCreateBody,
  parseIdNumber,
  parsePhone,
} from '@ningxin/shared';
import { Col, Form, type FormRule, Input, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../app/i18n/useLabels';
import { schemaRule } from '../../../lib/schemaRule';
import type { MemberFormValues } from '../memberForm';
import { DateField } from './DateField';

/** The ID number checked as the server checks it (checksum, region, birth date), with its message. */
const idRule: FormRule = {
  validator: async (_r, value: string | undefined) => {
    if (!value?.trim()) return;
    const parsed = parseIdNumber(value);
    if (!parsed.ok) throw new Error(parsed.message);
  },
};
const phoneRule: FormRule = {
  validator: async (_r, value: string | undefined) => {
    if (!value?.trim()) return;
    const parsed = parsePhone(value);
    if (!parsed.ok) throw new Error(parsed.message);
  },
};

interface MemberIdentityFieldsProps {
  /** Masked ID number and phone of the record being edited; null when creating. */
  current: { idNumberMasked: string; phoneMasked: string } | null;
}

/** 基本信息: name, ID number (birth date and gender read from it), phone, ethnicity, education. */
export function MemberIdentityFields({ current }: MemberIdentityFieldsProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const form = Form.useFormInstance<MemberFormValues>();
  const idNumber = Form.useWatch('idNumber', form);
  const parsed = idNumber?.trim() ? parseIdNumber(idNumber) : null;
  const info = parsed?.ok ? parsed.value : null;
  // A valid ID number decides birth date and gender; on an edit the stored number already did.
  const derived = info !== null || (current !== null && !idNumber?.trim());

  const birth = info?.birthDate;
  const gender = info?.gender;
  useEffect(() => {
    if (birth && gender) form.setFieldsValue({ birthDate: dayjs(birth), gender });
  }, [birth, gender, form]);

  const derivedHint = derived ? t('member.idDerived') : undefined;
  const select = t('member.selectPlaceholder');
  return (
    <Row gutter={[12, 0]}>
      <Col xs={24} sm={12}>
        <Form.Item
          label={t('memberFields.name')}
          name="name"
          rules={[{ required: true, message: t('common.required') }, schemaRule(MemberCreateBody.shape.name)]}
        >
          <Input maxLength={30} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item
          label={t('memberFields.idNumber')}
          name="idNumber"
          rules={[...(current ? [] : [{ required: true, message: '请填写身份证号' }]), idRule]}
        >
          <Input
            maxLength={22}
            autoComplete="off"
            className="nx-mono"
            placeholder={current ? t('member.keepCurrent', { masked: current.idNumberMasked }) : undefined}
          />
        </Form.Item>
      </Col>
      <Col xs={12} sm={6}>
        <Form.Item label={t('memberFields.gender')} name="gender" extra={derivedHint}>
          <Select
            disabled={derived}
            allowClear
            placeholder={select}
            options={GENDERS.map((g) => ({ value: g, label: labels.gender(g) }))}
          />
        </Form.Item>
      </Col>
      <Col xs={12} sm={6}>
        <Form.Item label={t('memberFields.birthDate')} name="birthDate">
          <DateField disabled={derived} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item
          label={t('memberFields.phone')}
          name="phone"
          rules={[...(current ? [] : [{ required: true, message: '请填写手机号' }]), phoneRule]}
        >
          <Input
            maxLength={20}
            inputMode="tel"
            autoComplete="off"
            placeholder={current ? t('member.keepCurrent', { masked: current.phoneMasked }) : undefined}
          />
        </Form.Item>
      </Col>
      <Col xs={12} sm={12}>
        <Form.Item label={t('memberFields.ethnicity')} name="ethnicity">
          <Select
            allowClear
            placeholder={select}
            showSearch={{ optionFilterProp: 'label' }}
            options={ETHNICITIES.map((e) => ({ value: e.code, label: e.name }))}
          />
        </Form.Item>
      </Col>
      <Col xs={12} sm={12}>
        <Form.Item label={t('memberFields.education')} name="education">
          <Select
            allowClear
            placeholder={select}
            options={EDUCATION_LEVELS.map((e) => ({ value: e.code, label: labels.education(e.code) }))}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}
