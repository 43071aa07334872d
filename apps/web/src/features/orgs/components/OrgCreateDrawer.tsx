import { ORG_CHILD_KINDS, OrgCreateBody, type OrgKind, type OrgResponse } from '@ningxin/shared';
import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../app/i18n/useLabels';
import { FormDrawer } from '../../../components/FormDrawer';
import { schemaRule } from '../../../lib/schemaRule';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { orgsApi } from '../orgs.api';
import { useInvalidateOrgs } from '../useInvalidateOrgs';
import { HostDistrictSelect } from './HostDistrictSelect';

interface Values {
  name: string;
  kind: OrgKind;
  hostDistrict?: string | null;
}

interface OrgCreateDrawerProps {
  parent: OrgResponse;
  open: boolean;
  onClose: () => void;
  onCreated: (id: number) => void;
}

export function OrgCreateDrawer({ parent, open, onClose, onCreated }: OrgCreateDrawerProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const showError = useApiErrorHandler();
  const invalidate = useInvalidateOrgs();
  const kinds = ORG_CHILD_KINDS[parent.kind];

  const create = useMutation({
    mutationFn: (v: Values) =>
      orgsApi.create({
        parentId: parent.id,
        name: v.name,
        kind: v.kind,
        ...(v.kind === 'sub_committee' ? { hostDistrict: v.hostDistrict ?? null } : {}),
      }),
    onSuccess: (org) => {
      message.success(t('orgs.created'));
      void invalidate();
      onCreated(org.id);
    },
    onError: (e) => showError(e, { form, onConflict: () => void invalidate() }),
  });

  return (
    <FormDrawer<Values>
      title={`${t('orgs.addChildTitle')} · ${parent.name}`}
      open={open}
      onClose={onClose}
      form={form}
      initialValues={{ kind: kinds[0] }}
      onFinish={(v) => create.mutate(v)}
      submitting={create.isPending}
    >
      <Form.Item label={t('orgs.parent')} htmlFor="org-create-parent">
        <Input id="org-create-parent" value={parent.name} disabled />
      </Form.Item>
      <Form.Item
        label={t('orgs.name')}
        name="name"
        rules={[
          { required: true, whitespace: true, message: t('common.required') },
          schemaRule(OrgCreateBody.shape.name),
        ]}
      >
        <Input maxLength={60} autoFocus />
      </Form.Item>
      <Form.Item
        label={t('orgs.kind')}
        name="kind"
        rules={[{ required: true, message: t('common.required') }]}
      >
        <Select options={kinds.map((k) => ({ value: k, label: labels.orgKind(k) }))} />
      </Form.Item>
      {kind === 'sub_committee' && (
        <Form.Item label={t('orgs.hostDistrict')} name="hostDistrict">
          <HostDistrictSelect />
        </Form.Item>
      )}
    </FormDrawer>
  );
}
