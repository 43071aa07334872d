import { UserResetPasswordBody, type UserResponse } from '@ningxin/shared';
import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { schemaRule } from '../../../lib/schemaRule';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { usersApi } from '../users.api';
import { useInvalidateUsers } from '../useUsers';

interface ResetPasswordModalProps {
  user: UserResponse | null;
  onClose: () => void;
}

export function ResetPasswordModal({ user, onClose }: ResetPasswordModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const showError = useApiErrorHandler();
  const invalidate = useInvalidateUsers();
  const reset = useMutation({
    mutationFn: (password: string) => usersApi.resetPassword(user?.id ?? 0, password),
    onSuccess: () => {
      message.success(t('users.resetDone'));
      void invalidate();
      onClose();
    },
    onError: (e) => showError(e, { form }),
  });
  return (
    <Modal
      title={t('users.resetPasswordTitle', { name: user?.displayName ?? '' })}
      open={user !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={reset.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => reset.mutate(v.password)}>
        <Form.Item
          label={t('users.newPassword')}
          name="password"
          extra={t('users.passwordHint')}
          rules={[
            { required: true, message: t('common.required') },
            schemaRule(UserResetPasswordBody.shape.password),
          ]}
        >
          <Input.Password autoComplete="new-password" autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
