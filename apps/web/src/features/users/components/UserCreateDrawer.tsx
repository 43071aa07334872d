import { UserCreateBody } from '@ningxin/shared';
import { useMutation } from '@tanstack/react-query';
import { App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer';
import { schemaRule } from '../../../lib/schemaRule';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { usersApi } from '../users.api';
import { useInvalidateUsers } from '../useUsers';

interface UserCreateDrawerProps {
  open: boolean;
  onClose: () => void;
}

export function UserCreateDrawer({ open, onClose }: UserCreateDrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<UserCreateBody>();
  const showError = useApiErrorHandler();
  const invalidate = useInvalidateUsers();
  const create = useMutation({
    mutationFn: usersApi.create,
    onSuccess: () => {
      message.success(t('users.created'));
      void invalidate();
      onClose();
    },
    onError: (e) => showError(e, { form }),
  });
  const { shape } = UserCreateBody;
  return (
    <FormDrawer<UserCreateBody>
      title={t('users.createTitle')}
      open={open}
      onClose={onClose}
      form={form}
      onFinish={(v) => create.mutate(v)}
      submitting={create.isPending}
    >
      <Form.Item
        label={t('users.username')}
        name="username"
        rules={[
          { required: true, whitespace: true, message: t('common.required') },
          schemaRule(shape.username),
        ]}
      >
        <Input autoComplete="off" maxLength={64} autoFocus />
      </Form.Item>
      <Form.Item
        label={t('users.displayName')}
        name="displayName"
        rules={[
          { required: true, whitespace: true, message: t('common.required') },
          schemaRule(shape.displayName),
        ]}
      >
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item
        label={t('users.password')}
        name="password"
        extra={t('users.passwordHint')}
        rules={[{ required: true, message: t('common.required') }, schemaRule(shape.password)]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormDrawer>
  );
}
