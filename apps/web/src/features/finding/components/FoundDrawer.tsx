import {
  LeadFoundBody,
  type LeadFoundInput,
  type LeadResponse,
  MEMBER_TYPES,
  RELATIONSHIP_TYPES,
} from '@ningxin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Col, Divider, Form, Input, Row, Segmented, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../app/i18n/useLabels';
import { FormDrawer } from '../../../components/FormDrawer';
import { isApiError } from '../../../lib/api';
import { checkWithSchema } from '../../../lib/schemaRule';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { DateField } from '../../members/components/DateField';
import { MemberIdentityFields } from '../../members/components/MemberIdentityFields';
import { MemberPlaceFields } from '../../members/components/MemberPlaceFields';
import { type MemberFormValues, toCreateBody } from '../../members/memberForm';
import { findingApi, findingKeys } from '../finding.api';

type Values = MemberFormValues & { foundOn?: Dayjs; linkIdNumber?: string };
type Mode = 'create' | 'link';

/**
 * 标记已找到: create the member record with the members form's pieces (placed in the campaign's
 * org or a branch below it), or link the record that exists. A duplicate ID number switches to
 * linking.
 */
export function FoundDrawer({
  lead,
  open,
  onClose,
}: {
  lead: LeadResponse;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const showError = useApiErrorHandler();
  const client = useQueryClient();
  const [mode, setMode] = useState<Mode>(lead.memberId ? 'link' : 'create');
  const [exists, setExists] = useState<string | null>(null);
  const required = { required: true, message: t('common.required') };

  const body = (v: Values): LeadFoundInput => {
    const foundOn = v.foundOn?.format('YYYY-MM-DD') ?? '';
    if (mode === 'link')
      return { mode, foundOn, idNumber: v.linkIdNumber?.trim() || null, version: lead.version };
    return { mode, foundOn, member: { ...toCreateBody(v), source: 'found' }, version: lead.version };
  };
  const save = useMutation({
    mutationFn: (v: Values) => findingApi.markFound(lead.id, body(v)),
    onSuccess: (saved) => {
      message.success(t('finding.foundSaved'));
      client.setQueryData(findingKeys.lead(lead.id), saved);
      void client.invalidateQueries({ queryKey: findingKeys.all });
      onClose();
    },
    onError: (e) => {
      if (isApiError(e) && e.code === 'FINDING_MEMBER_EXISTS') {
        setExists(e.message);
        form.setFieldValue('linkIdNumber', form.getFieldValue('idNumber'));
        setMode('link');
        return;
      }
      showError(e, { form, onConflict: onClose });
    },
  });

  return (
    <FormDrawer<Values>
      title={`${t('finding.foundTitle')} · ${lead.name}`}
      open={open}
      onClose={onClose}
      form={form}
      name="found"
      width={640}
      submitting={save.isPending}
      submitText={t('finding.markFound')}
      initialValues={{
        foundOn: dayjs(),
        name: lead.name,
        phone: lead.phone ?? undefined,
        homeCounty: lead.homeCounty ?? undefined,
        hostDistrict: lead.hostDistrict,
        employer: lead.workplace,
        hostAddress: lead.address,
        memberType: 'full',
        relationship: 'certificate',
        tags: [],
        orgId: lead.placements[0]?.id,
      }}
      onFinish={(v) => {
        if (checkWithSchema(form, LeadFoundBody, body(v))) save.mutate(v);
      }}
    >
      <Segmented
        block
        size="large"
        value={mode}
        onChange={(m) => setMode(m as Mode)}
        options={[
          { value: 'create', label: t('finding.createMember') },
          { value: 'link', label: t('finding.linkMember') },
        ]}
        style={{ marginBottom: 16 }}
      />
      {exists && <Alert type="warning" showIcon title={exists} style={{ marginBottom: 16 }} />}
      <Form.Item label={t('finding.foundOn')} name="foundOn" rules={[required]}>
        <DateField size="large" inputReadOnly />
      </Form.Item>
      {mode === 'link' ? (
        <Form.Item label={t('finding.idNumber')} name="linkIdNumber" extra={t('finding.linkHint')}>
          <Input size="large" maxLength={40} />
        </Form.Item>
      ) : (
        <>
          <Divider titlePlacement="start">{t('member.sections.basic')}</Divider>
          <MemberIdentityFields current={null} />
          <Divider titlePlacement="start">{t('member.sections.party')}</Divider>
          <Row gutter={[12, 0]}>
            <Col xs={24}>
              <Form.Item label={t('finding.placement')} name="orgId" rules={[required]}>
                <Select size="large" options={lead.placements.map((o) => ({ value: o.id, label: o.name }))} />
              </Form.Item>
            </Col>
            <Col xs={12}>
              <Form.Item label={t('memberFields.joinedAt')} name="joinedAt" rules={[required]}>
                <DateField />
              </Form.Item>
            </Col>
            <Col xs={12}>
              <Form.Item label={t('memberFields.fullMemberAt')} name="fullMemberAt">
                <DateField />
              </Form.Item>
            </Col>
            <Col xs={12}>
              <Form.Item label={t('memberFields.memberType')} name="memberType" rules={[required]}>
                <Select options={MEMBER_TYPES.map((m) => ({ value: m, label: labels.memberType(m) }))} />
              </Form.Item>
            </Col>
            <Col xs={12}>
              <Form.Item label={t('memberFields.relationship')} name="relationship" rules={[required]}>
                <Select
                  options={RELATIONSHIP_TYPES.map((r) => ({ value: r, label: labels.relationship(r) }))}
                />
              </Form.Item>
            </Col>
          </Row>
          <MemberPlaceFields />
        </>
      )}
    </FormDrawer>
  );
}
