import {
  HONOUR_KIND_LABELS,
  HONOUR_KINDS,
  HONOUR_LEVEL_LABELS,
  HONOUR_LEVELS,
  type HonourKind,
  type HonourLevel,
  type HonourResponse,
  localIsoDate,
} from '@ningxin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Col, Form, Input, Radio, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { RecordFiles } from '../../files/components/RecordFiles';
import { MemberSelect } from '../../members/components/MemberSelect';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { careApi, careKeys } from '../care.api';

interface Values {
  kind: HonourKind;
  level: HonourLevel;
  title: string;
  issuer: string;
  awardedOn: string;
  memberId?: number;
  recipientType?: 'org' | 'named';
  recipientOrgId?: number;
  recipientName?: string;
  orgId?: number;
  note?: string;
}

/** 登记 / 修改表彰: a member, an org of the tree, or a group named as written. */
export function HonourDrawer({
  open,
  onClose,
  editing,
}: {
  open: boolean;
  onClose: () => void;
  editing?: HonourResponse | null;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useApiErrorHandler();
  const client = useQueryClient();
  const kind = Form.useWatch('kind', form);
  const recipientType = Form.useWatch('recipientType', form);
  const save = useMutation({
    mutationFn: (v: Values) => {
      const individual = v.kind === 'individual';
      const named = !individual && v.recipientType === 'named';
      const body = {
        kind: v.kind,
        level: v.level,
        title: v.title,
        issuer: v.issuer,
        awardedOn: v.awardedOn,
        memberId: individual ? (v.memberId ?? null) : null,
        recipientOrgId: !individual && !named ? (v.recipientOrgId ?? null) : null,
        recipientName: named ? (v.recipientName ?? null) : null,
        orgId: named ? (v.orgId ?? null) : null,
        note: v.note ?? null,
      };
      return editing
        ? careApi.updateHonour(editing.id, { ...body, version: editing.version })
        : careApi.createHonour(body);
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
        kind: editing.kind,
        level: editing.level,
        title: editing.title,
        issuer: editing.issuer,
        awardedOn: editing.awardedOn,
        memberId: editing.member?.id,
        recipientType: editing.recipientOrg || editing.kind === 'individual' ? 'org' : 'named',
        recipientOrgId: editing.recipientOrg?.id,
        recipientName: editing.recipientOrg || editing.member ? undefined : editing.recipient,
        orgId: editing.org.id,
        note: editing.note ?? undefined,
      }
    : { kind: 'individual', level: 'committee', recipientType: 'org', awardedOn: localIsoDate(new Date()) };
  return (
    <FormDrawer<Values>
      title={editing ? t('care.edit') : t('care.honours.create')}
      open={open}
      onClose={onClose}
      form={form}
      name="honour"
      width={560}
      initialValues={initial}
      onFinish={(v) => save.mutate(v)}
      submitting={save.isPending}
    >
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="kind" label={t('care.honours.form.kind')} rules={required}>
            <Radio.Group
              optionType="button"
              options={HONOUR_KINDS.map((k) => ({ value: k, label: HONOUR_KIND_LABELS[k] }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="level" label={t('care.honours.form.level')} rules={required}>
            <Select options={HONOUR_LEVELS.map((l) => ({ value: l, label: HONOUR_LEVEL_LABELS[l] }))} />
          </Form.Item>
        </Col>
      </Row>
      {kind === 'individual' ? (
        <Form.Item name="memberId" label={t('care.honours.form.member')} rules={required}>
          <MemberSelect placeholder={t('care.memberPlaceholder')} valueLabel={editing?.member?.name} />
        </Form.Item>
      ) : (
        <>
          <Form.Item name="recipientType" label={t('care.honours.form.recipientType')}>
            <Radio.Group
              options={[
                { value: 'org', label: t('care.honours.form.recipientOrg') },
                { value: 'named', label: t('care.honours.form.recipientNamed') },
              ]}
            />
          </Form.Item>
          {recipientType === 'named' ? (
            <Row gutter={12}>
              <Col xs={24} sm={12}>
                <Form.Item name="recipientName" label={t('care.honours.form.recipientName')} rules={required}>
                  <Input maxLength={100} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name="orgId" label={t('care.honours.form.orgId')} rules={required}>
                  <OrgTreeSelect />
                </Form.Item>
              </Col>
            </Row>
          ) : (
            <Form.Item name="recipientOrgId" label={t('care.honours.form.recipientOrgId')} rules={required}>
              <OrgTreeSelect />
            </Form.Item>
          )}
        </>
      )}
      <Form.Item name="title" label={t('care.honours.form.title')} rules={required}>
        <Input maxLength={100} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={14}>
          <Form.Item name="issuer" label={t('care.honours.form.issuer')} rules={required}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={10}>
          <Form.Item name="awardedOn" label={t('care.honours.form.awardedOn')} rules={required}>
            <Input type="date" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label={t('care.note')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      {editing ? (
        <Form.Item label={t('care.honours.form.scans')}>
          <RecordFiles
            owner={{ ownerType: 'honour', ownerId: editing.id }}
            purposes={['document', 'photo']}
          />
        </Form.Item>
      ) : null}
    </FormDrawer>
  );
}
