import { CompressOutlined, CopyOutlined, ExpandOutlined, ReloadOutlined } from '@ant-design/icons';
import type { SignInCodeResponse } from '@ningxin/shared';
import { App, Button, Space, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../lib/useFormatters';

/** Whether sign-in is open now, by the window the server gave. */
function phaseOf(code: SignInCodeResponse, now: number): 'notOpen' | 'open' | 'closed' {
  if (now < Date.parse(code.opensAt)) return 'notOpen';
  if (now > Date.parse(code.closesAt)) return 'closed';
  return 'open';
}

/**
 * The sign-in QR code of one event (a meeting, a training session, a volunteer shift) as the
 * secretary shows it on a screen or a projector: the code large, what it is for, when sign-in
 * opens and closes, a full-screen view and the link to copy into a group chat.
 */
export function SignInCodePanel({
  code,
  title,
  onRefresh,
}: {
  code: SignInCodeResponse;
  title: string;
  onRefresh?: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { dateTime } = useFormatters();
  const box = useRef<HTMLDivElement>(null);
  const [fullscreen, setFullscreen] = useState(false);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    const onChange = () => setFullscreen(document.fullscreenElement === box.current);
    document.addEventListener('fullscreenchange', onChange);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('fullscreenchange', onChange);
    };
  }, []);

  const phase = phaseOf(code, now);
  const toggleFullscreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void box.current?.requestFullscreen?.();
  };
  const copy = async () => {
    await navigator.clipboard?.writeText(code.url);
    void message.success(t('signIn.copied'));
  };

  return (
    <div
      ref={box}
      data-testid="sign-in-code"
      style={{
        background: '#fff',
        textAlign: 'center',
        padding: fullscreen ? 48 : 16,
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        gap: 12,
      }}
    >
      <Typography.Title level={fullscreen ? 2 : 4} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      <Typography.Text type="secondary">{t('signIn.scanHint')}</Typography.Text>
      <img
        alt={t('signIn.codeTitle')}
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(code.qrSvg)}`}
        style={{ width: fullscreen ? 'min(70vh, 80vw)' : 'min(280px, 70vw)', height: 'auto' }}
      />
      <Space wrap style={{ justifyContent: 'center' }}>
        <Tag color={phase === 'open' ? 'green' : phase === 'notOpen' ? 'blue' : 'default'}>
          {t(`signIn.${phase}`)}
        </Tag>
        <Typography.Text>
          {t('signIn.window', { opens: dateTime(code.opensAt), closes: dateTime(code.closesAt) })}
        </Typography.Text>
      </Space>
      <Space wrap style={{ justifyContent: 'center' }}>
        <Button icon={fullscreen ? <CompressOutlined /> : <ExpandOutlined />} onClick={toggleFullscreen}>
          {t(fullscreen ? 'signIn.exitFullscreen' : 'signIn.fullscreen')}
        </Button>
        <Button icon={<CopyOutlined />} onClick={() => void copy()}>
          {t('signIn.copyLink')}
        </Button>
        {onRefresh && (
          <Button icon={<ReloadOutlined />} onClick={onRefresh}>
            {t('signIn.refresh')}
          </Button>
        )}
      </Space>
    </div>
  );
}
