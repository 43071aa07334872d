import type { TwoFactorDisableBody, TwoFactorSetupResponse } from '@ningxin/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { ME_QUERY_KEY } from '../../auth/auth.api';
import { useCurrentUser } from '../../auth/useMe';
import { accountApi } from '../account.api';

/**
 * 两步验证: turn it on (scan the QR code into an authenticator app, confirm with its code, save
 * the recovery codes shown once) or off (the password and a code).
 */
export function TwoFactorCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const on = useCurrentUser().user.twoFactor;
  const queryClient = useQueryClient();
  const showError = useApiErrorHandler();
  const [setup, setSetup] = useState<TwoFactorSetupResponse | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [enableForm] = Form.useForm<{ code: string }>();
  const [disableForm] = Form.useForm<TwoFactorDisableBody>();
  const reload = () => void queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });

  const start = useMutation({
    mutationFn: accountApi.twoFactorSetup,
    onSuccess: setSetup,
    onError: (e) => showError(e),
  });
  const enable = useMutation({
    mutationFn: accountApi.enableTwoFactor,
    onSuccess: (res) => {
      setSetup(null);
      enableForm.resetFields();
      setCodes(res.recoveryCodes);
      message.success(t('account.twoFactor.enabled'));
    },
    onError: (e) => showError(e, { form: enableForm }),
  });
  const disable = useMutation({
    mutationFn: accountApi.disableTwoFactor,
    onSuccess: () => {
      disableForm.resetFields();
      message.success(t('account.twoFactor.disabled'));
      reload();
    },
    onError: (e) => showError(e, { form: disableForm }),
  });

  return (
    <Card size="small" title={t('account.twoFactor.title')}>
      <Flex vertical gap={12} style={{ maxWidth: 520 }}>
        <Typography.Text>{on ? t('account.twoFactor.on') : t('account.twoFactor.off')}</Typography.Text>
        {!on && !setup ? (
          <div>
            <Button type="primary" loading={start.isPending} onClick={() => start.mutate()}>
              {t('account.twoFactor.start')}
            </Button>
          </div>
        ) : null}
        {!on && setup ? (
          <>
            <Typography.Text>{t('account.twoFactor.scan')}</Typography.Text>
            <img
              src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(setup.qrSvg)}`}
              alt={setup.otpauthUrl}
              width={180}
              height={180}
            />
            <Typography.Text>
              {t('account.twoFactor.secret')}：
              <Typography.Text code copyable>
                {setup.secret}
              </Typography.Text>
            </Typography.Text>
            <Form<{ code: string }>
              form={enableForm}
              name="two-factor-enable"
              layout="vertical"
              onFinish={(v) => enable.mutate({ code: v.code.trim() })}
              disabled={enable.isPending}
            >
              <Form.Item
                label={t('account.twoFactor.code')}
                name="code"
                extra={t('account.twoFactor.codeHint')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <Input
                  autoComplete="one-time-code"
                  inputMode="numeric"
                  maxLength={6}
                  style={{ maxWidth: 200 }}
                />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={enable.isPending}>
                {t('account.twoFactor.confirm')}
              </Button>
            </Form>
          </>
        ) : null}
        {on ? (
          <Form<TwoFactorDisableBody>
            form={disableForm}
            name="two-factor-disable"
            layout="vertical"
            onFinish={(v) => disable.mutate(v)}
            disabled={disable.isPending}
          >
            <Form.Item
              label={t('account.twoFactor.password')}
              name="password"
              rules={[{ required: true, message: t('common.required') }]}
            >
              <Input.Password autoComplete="current-password" style={{ maxWidth: 280 }} />
            </Form.Item>
            <Form.Item
              label={t('account.twoFactor.code')}
              name="otp"
              rules={[{ required: true, message: t('common.required') }]}
            >
              <Input autoComplete="one-time-code" maxLength={9} style={{ maxWidth: 200 }} />
            </Form.Item>
            <Button danger htmlType="submit" loading={disable.isPending}>
              {t('account.twoFactor.turnOff')}
            </Button>
          </Form>
        ) : null}
      </Flex>
      <Modal
        open={codes !== null}
        title={t('account.twoFactor.codesTitle')}
        closable={false}
        maskClosable={false}
        cancelButtonProps={{ style: { display: 'none' } }}
        okText={t('account.twoFactor.codesSaved')}
        onOk={() => {
          setCodes(null);
          reload();
        }}
      >
        <Typography.Paragraph>{t('account.twoFactor.codesHint')}</Typography.Paragraph>
        <Typography.Paragraph copyable={{ text: (codes ?? []).join('\n') }}>
          <Flex wrap gap={8} component="span" data-testid="recovery-codes">
            {(codes ?? []).map((c) => (
              <Typography.Text key={c} code>
                {c}
              </Typography.Text>
            ))}
          </Flex>
        </Typography.Paragraph>
      </Modal>
    </Card>
  );
}
