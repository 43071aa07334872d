import { checkPasswordStrength, type MemberResponse } from '@ningxin/shared';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { membersApi } from '../members.api';
import { useInvalidateMembers } from '../useMember';

interface MemberAccountModalProps {
  member: MemberResponse;
  open: boolean;
  onClose: () => void;
}

/** 开通账户: the member's login is their mobile number; the first password must be changed at sign-in. */
export function MemberAccountModal({ member, open, onClose }: MemberAccountModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const showError = useApiErrorHandler();
  const invalidate = useInvalidateMembers();
  const create = useMutation({
    mutationFn: (v: { password: string }) => membersApi.createAccount(member.id, v.password),
    onSuccess: () => {
      message.success(t('member.accountCreated'));
      void invalidate();
      onClose();
    },
    onError: (e) => showError(e, { form }),
  });
  return (
    <Modal
      open={open}
      title={`${t('member.openAccount')} · ${member.name}`}
      okText={t('member.openAccount')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        title={t('member.accountHint', { phone: member.phoneMasked })}
        style={{ marginBottom: 16 }}
      />
      <Form form={form} layout="vertical" name="member-account" onFinish={(v) => create.mutate(v)}>
        <Form.Item
          name="password"
          label={t('member.firstPassword')}
          rules={[
            {
              validator: (_, value: string | undefined) => {
                const problem = checkPasswordStrength(value ?? '');
                return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
              },
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
