import { OrgCloseBody, type OrgResponse } from '@ningxin/shared';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { schemaRule } from '../../../lib/schemaRule';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { orgsApi } from '../orgs.api';
import { useInvalidateOrgs } from '../useInvalidateOrgs';

interface OrgCloseModalProps {
  org: OrgResponse;
  open: boolean;
  onClose: () => void;
}

export function OrgCloseModal({ org, open, onClose }: OrgCloseModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const showError = useApiErrorHandler();
  const invalidate = useInvalidateOrgs();

  const close = useMutation({
    mutationFn: (reason: string) => orgsApi.close(org.id, { reason, version: org.version }),
    onSuccess: () => {
      message.success(t('orgs.closed'));
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
    <Modal
      title={`${t('orgs.closeTitle')} · ${org.name}`}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('orgs.closeConfirm')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={close.isPending}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('orgs.closeWarning')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={(v) => close.mutate(v.reason)}>
        <Form.Item
          label={t('orgs.closeReason')}
          name="reason"
          rules={[
            { required: true, whitespace: true, message: t('orgs.closeReasonRequired') },
            schemaRule(OrgCloseBody.shape.reason),
          ]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
