import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { SIGN_IN_KINDS, type SignInKind, type SignInResult } from '@ningxin/shared';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Flex, Result, Spin, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { api, isApiError } from '../../../lib/api';
import { useFormatters } from '../../../lib/useFormatters';
import { SIGN_IN_TARGETS } from '../signInTargets';

const isKind = (v: string | undefined): v is SignInKind =>
  v !== undefined && (SIGN_IN_KINDS as readonly string[]).includes(v);

/**
 * The page a sign-in QR opens on the member's phone (`/sign-in/<kind>/<id>?t=<token>`), after
 * logging in if needed: it posts the code once and shows 签到成功 or 您已签到 with the event and
 * the time, or the server's reason for refusing.
 */
export function SignInPage() {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const { kind, id } = useParams();
  const [params] = useSearchParams();
  const token = params.get('t');
  const target = isKind(kind) ? SIGN_IN_TARGETS[kind] : undefined;
  const eventId = Number(id);
  const sent = useRef(false);
  const signIn = useMutation({
    mutationFn: () => api<SignInResult>(target!.apiPath(eventId), { method: 'POST', body: { token } }),
  });
  useEffect(() => {
    if (!target || !token || !Number.isInteger(eventId) || sent.current) return;
    sent.current = true;
    signIn.mutate();
  }, [target, token, eventId, signIn]);

  const frame = (children: React.ReactNode) => (
    <Flex justify="center" className="nx-page" style={{ paddingTop: 24 }}>
      <Card style={{ width: '100%', maxWidth: 480 }}>{children}</Card>
    </Flex>
  );
  const back = target ? (
    <Link to={target.after}>
      <Button>{t('life.signIn.toMine')}</Button>
    </Link>
  ) : null;

  if (!target || !Number.isInteger(eventId))
    return frame(<Result status="warning" title={t('life.signIn.unknownKind')} />);
  if (!token) return frame(<Result status="warning" title={t('life.signIn.missingToken')} />);
  if (signIn.isError) {
    const message = isApiError(signIn.error) ? signIn.error.message : String(signIn.error);
    return frame(
      <Result
        icon={<CloseCircleTwoTone twoToneColor="#cf1322" />}
        title={t('life.signIn.failed')}
        subTitle={<span data-testid="sign-in-message">{message}</span>}
        extra={back}
      />,
    );
  }
  if (!signIn.data)
    return frame(
      <Flex vertical align="center" gap={12} style={{ padding: 24 }}>
        <Spin />
        <Typography.Text>{t('life.signIn.working')}</Typography.Text>
      </Flex>,
    );
  const r = signIn.data;
  const title =
    r.outcome === 'already'
      ? t('life.signIn.already')
      : r.role === 'guest'
        ? t('life.signIn.guest')
        : r.outcome === 'late'
          ? t('life.signIn.late')
          : t('life.signIn.signed');
  return frame(
    <Result
      icon={<CheckCircleTwoTone twoToneColor="#389e0d" />}
      title={<span data-testid="sign-in-outcome">{title}</span>}
      subTitle={
        <Flex vertical gap={4}>
          <Typography.Text strong>{r.title}</Typography.Text>
          <Typography.Text type="secondary">
            {t('life.signIn.at', { time: dateTime(r.signedAt) })}
          </Typography.Text>
        </Flex>
      }
      extra={back}
    />,
  );
}
