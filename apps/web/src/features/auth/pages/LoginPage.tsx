import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import type { LoginBody } from '@ningxin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { LanguageSwitcher } from '../../../components/LanguageSwitcher';
import { isApiError } from '../../../lib/api';
import { safeNext } from '../../../lib/safeNext';
import { fetchMe, login, ME_QUERY_KEY } from '../auth.api';
import { useMe } from '../useMe';

export function LoginPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginBody>();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe();
  const [error, setError] = useState<string | null>(null);
  // An account with a second factor answers OTP_REQUIRED: the form then asks for the code.
  const [askOtp, setAskOtp] = useState(false);

  const submit = useMutation({
    mutationFn: login,
    onMutate: () => setError(null),
    onSuccess: async () => {
      queryClient.removeQueries();
      const user = await queryClient.fetchQuery({ queryKey: ME_QUERY_KEY, queryFn: fetchMe });
      navigate(user?.user.mustChangePassword ? '/account' : next, { replace: true });
    },
    onError: (e) => {
      const code = isApiError(e) ? e.code : null;
      setError(isApiError(e) ? e.message : String(e));
      if (code === 'OTP_REQUIRED' || code === 'OTP_INVALID') {
        setAskOtp(true);
        form.setFieldValue('otp', '');
      } else {
        form.setFieldValue('password', '');
      }
    },
  });

  if (me.data && !submit.isPending && !submit.isSuccess) {
    return <Navigate to={me.data.user.mustChangePassword ? '/account' : next} replace />;
  }

  return (
    <main className="nx-login">
      <div className="nx-login-lang">
        <LanguageSwitcher />
      </div>
      {/* Plain elements for the frame: antd's Card and Typography would bring tabs, menus and
          tooltips along (about 30 KB of script) to a page that shows none of them. */}
      <section className="nx-login-card">
        <div className="nx-login-brand">
          <h1 className="nx-login-name">{t('app.name')}</h1>
          <span className="nx-login-secondary">{t('app.subtitle')}</span>
        </div>
        <h2 className="nx-login-title">{t('login.title')}</h2>
        <Form<LoginBody>
          form={form}
          name="login"
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => submit.mutate(values)}
          disabled={submit.isPending}
        >
          <Form.Item
            label={t('login.username')}
            name="username"
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item
            label={t('login.password')}
            name="password"
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password
              prefix={<LockOutlined aria-hidden />}
              autoComplete="current-password"
              size="large"
            />
          </Form.Item>
          {askOtp && (
            <Form.Item
              label={t('login.otp')}
              name="otp"
              extra={t('login.otpHint')}
              rules={[{ required: true, whitespace: true, message: t('login.otpRequired') }]}
            >
              <Input
                prefix={<SafetyOutlined aria-hidden />}
                autoComplete="one-time-code"
                inputMode="numeric"
                maxLength={9}
                autoFocus
                size="large"
              />
            </Form.Item>
          )}
          {error && <Alert type="error" showIcon title={error} className="nx-login-error" />}
          <Button type="primary" htmlType="submit" block size="large" loading={submit.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
        <p className="nx-login-secondary nx-login-slogan">{t('login.slogan')}</p>
      </section>
    </main>
  );
}
