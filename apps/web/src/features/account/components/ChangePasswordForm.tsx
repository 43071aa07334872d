import { ChangePasswordBody, checkPasswordStrength } from '@ningxin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { checkWithSchema } from '../../../lib/schemaRule';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { ME_QUERY_KEY } from '../../auth/auth.api';
import { accountApi, SESSIONS_QUERY_KEY } from '../account.api';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const showError = useApiErrorHandler();

  const change = useMutation({
    mutationFn: accountApi.changePassword,
    onSuccess: () => {
      message.success(t('account.passwordChanged'));
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
      void queryClient.invalidateQueries({ queryKey: SESSIONS_QUERY_KEY });
    },
    onError: (e) => showError(e, { form }),
  });

  const submit = (v: Values) => {
    const body = { currentPassword: v.currentPassword, newPassword: v.newPassword };
    if (checkWithSchema(form, ChangePasswordBody, body)) change.mutate(body);
  };

  return (
    <Card size="small" title={t('account.changePassword')}>
      <Form<Values>
        form={form}
        name="change-password"
        layout="vertical"
        onFinish={submit}
        disabled={change.isPending}
        style={{ maxWidth: 420 }}
      >
        <Form.Item
          label={t('account.currentPassword')}
          name="currentPassword"
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label={t('account.newPassword')}
          name="newPassword"
          extra={t('account.passwordHint')}
          rules={[
            { required: true, message: t('common.required') },
            {
              validator: async (_r, value: string | undefined) => {
                const problem = value ? checkPasswordStrength(value) : null;
                if (problem) throw new Error(problem);
              },
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('account.confirmPassword')}
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('common.required') },
            ({ getFieldValue }) => ({
              validator: async (_r, value: string | undefined) => {
                if (value && value !== getFieldValue('newPassword'))
                  throw new Error(t('account.passwordMismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t('account.changePassword')}
        </Button>
      </Form>
    </Card>
  );
}
