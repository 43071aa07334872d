import { MemberRevealBody } from '@ningxin/shared';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { schemaRule } from '../../../lib/schemaRule';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { membersApi } from '../members.api';

interface RevealModalProps {
  memberId: number;
  field: MemberRevealBody['field'];
  fieldLabel: string;
  open: boolean;
  onClose: () => void;
}

/**
 * Asks why, then shows one member's full ID number or phone once. The value stays in this
 * component's state only (never in the query cache) and is dropped when the modal closes.
 */
export function RevealModal({ memberId, field, fieldLabel, open, onClose }: RevealModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const showError = useApiErrorHandler();
  const [value, setValue] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const close = () => {
    setValue(null);
    onClose();
  };
  const reveal = async ({ reason }: { reason: string }) => {
    setPending(true);
    try {
      const result = await membersApi.reveal(memberId, { field, reason: reason.trim() });
      setValue(result.value);
    } catch (e) {
      showError(e, { form });
    } finally {
      setPending(false);
    }
  };

  return (
    <Modal
      title={t('member.revealTitle', { field: fieldLabel })}
      open={open}
      onCancel={close}
      destroyOnHidden
      footer={
        value === null
          ? [
              <Button key="cancel" onClick={close}>
                {t('common.cancel')}
              </Button>,
              <Button key="ok" type="primary" loading={pending} onClick={() => form.submit()}>
                {t('member.revealSubmit')}
              </Button>,
            ]
          : [
              <Button key="close" type="primary" onClick={close}>
                {t('member.close')}
              </Button>,
            ]
      }
    >
      {value === null ? (
        <Form form={form} layout="vertical" onFinish={(v) => void reveal(v)} disabled={pending}>
          <Alert type="info" showIcon title={t('member.revealHint')} style={{ marginBottom: 16 }} />
          <Form.Item
            label={t('member.revealReason')}
            name="reason"
            rules={[
              { required: true, message: '请填写查看原因（至少 4 个字）' },
              schemaRule(MemberRevealBody.shape.reason),
            ]}
          >
            <Input.TextArea
              autoFocus
              maxLength={200}
              autoSize={{ minRows: 2, maxRows: 4 }}
              placeholder={t('member.revealReasonPlaceholder')}
            />
          </Form.Item>
        </Form>
      ) : (
        <>
          <Typography.Paragraph className="nx-revealed" copyable={{ text: value }}>
            {value}
          </Typography.Paragraph>
          <Alert type="warning" showIcon title={t('member.revealOnce')} />
        </>
      )}
    </Modal>
  );
}
