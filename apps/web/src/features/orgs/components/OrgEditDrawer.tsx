import { type OrgResponse, OrgUpdateBody } from '@ningxin/shared';
import { useMutation } from '@tanstack/react-query';
import { App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer';
import { schemaRule } from '../../../lib/schemaRule';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { orgsApi } from '../orgs.api';
import { useInvalidateOrgs } from '../useInvalidateOrgs';
import { HostDistrictSelect } from './HostDistrictSelect';

interface Values {
  name: string;
  hostDistrict?: string | null;
}

interface OrgEditDrawerProps {
  org: OrgResponse;
  open: boolean;
  onClose: () => void;
}

export function OrgEditDrawer({ org, open, onClose }: OrgEditDrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const showError = useApiErrorHandler();
  const invalidate = useInvalidateOrgs();
  const withDistrict = org.kind === 'sub_committee' || org.hostDistrict !== null;

  const update = useMutation({
    mutationFn: (v: Values) =>
      orgsApi.update(org.id, {
        name: v.name,
        ...(withDistrict ? { hostDistrict: v.hostDistrict ?? null } : {}),
        version: org.version,
      }),
    onSuccess: () => {
      message.success(t('orgs.updated'));
      void invalidate();
      onClose();
    },
    onError: (e) =>
      showError(e, {
        form,
        onConflict: () => {
          void invalidate();
          onClose();
        },
      }),
  });

  return (
    <FormDrawer<Values>
      title={t('orgs.editTitle')}
      open={open}
      onClose={onClose}
      form={form}
      initialValues={{ name: org.name, hostDistrict: org.hostDistrict }}
      onFinish={(v) => update.mutate(v)}
      submitting={update.isPending}
    >
      <Form.Item
        label={t('orgs.name')}
        name="name"
        rules={[
          { required: true, whitespace: true, message: t('common.required') },
          schemaRule(OrgUpdateBody.shape.name),
        ]}
      >
        <Input maxLength={60} autoFocus />
      </Form.Item>
      {withDistrict && (
        <Form.Item label={t('orgs.hostDistrict')} name="hostDistrict">
          <HostDistrictSelect />
        </Form.Item>
      )}
    </FormDrawer>
  );
}
