import { Card } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

interface PortalCardProps {
  title: ReactNode;
  /** The full page the card leads to. */
  to: string;
  /** The link's words (default 查看全部). */
  more?: ReactNode;
  loading?: boolean;
  testId?: string;
  children: ReactNode;
}

/** A card of the member portal: a title, a link to the full page, the content. */
export function PortalCard({ title, to, more, loading, testId, children }: PortalCardProps) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={title}
      extra={<Link to={to}>{more ?? t('portal.more')}</Link>}
      loading={loading}
      data-testid={testId}
      styles={{ body: { paddingBlock: 8 } }}
    >
      {children}
    </Card>
  );
}
