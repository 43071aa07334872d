import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/** The frame of the public pages: no menu, no login; phone first, one column. */
export function PublicFrame({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <main style={{ minHeight: '100vh', background: '#f5f5f5', padding: '16px 12px 32px' }}>
      <div style={{ maxWidth: 560, margin: '0 auto' }}>
        <Typography.Text type="secondary">{t('registrations.public.committee')}</Typography.Text>
        <Typography.Title level={1} style={{ fontSize: 22, margin: '4px 0 12px' }}>
          {title}
        </Typography.Title>
        <Card styles={{ body: { padding: 16 } }}>{children}</Card>
        <nav style={{ marginTop: 16, display: 'flex', gap: 16, justifyContent: 'center' }}>
          <Link to="/join">{t('registrations.public.joinLink')}</Link>
          <Link to="/join/status">{t('registrations.public.statusLink')}</Link>
          <Link to="/login">{t('registrations.public.loginLink')}</Link>
        </nav>
      </div>
    </main>
  );
}
