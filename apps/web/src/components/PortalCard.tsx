import { Card } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/** A card of the member portal: a title, a link to the full page, the content. */
export function PortalCard({ title, to, children }: { title: ReactNode; to: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={title}
      extra={<Link to={to}>{t('portal.more')}</Link>}
      styles={{ body: { paddingBlock: 8 } }}
    >
      {children}
    </Card>
  );
}
