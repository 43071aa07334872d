import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import './portalCard.css';

interface PortalCardProps {
  /** Without it, the card is a placeholder while its tile loads. */
  title?: ReactNode;
  /** The full page the card leads to. */
  to?: string;
  /** The link's words (default 查看全部). */
  more?: ReactNode;
  loading?: boolean;
  testId?: string;
  children?: ReactNode;
}

/**
 * A card of the member portal: a title, a link to the full page, the content. Plain elements in
 * the look of antd's small Card: antd's Card brings its Tabs along (about 20 KB gzip), which the
 * phone's first page never shows.
 */
export function PortalCard({ title, to, more, loading, testId, children }: PortalCardProps) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    // A titled card is a region named by its title.
    <section
      className="nx-portal-card"
      data-testid={testId}
      aria-busy={loading || undefined}
      aria-labelledby={title !== undefined ? titleId : undefined}
    >
      {title !== undefined && (
        <div className="nx-portal-card-head">
          <div className="nx-portal-card-title" id={titleId}>
            {title}
          </div>
          {to && <Link to={to}>{more ?? t('portal.more')}</Link>}
        </div>
      )}
      <div className="nx-portal-card-body">
        {loading || children === undefined ? (
          <div className="nx-portal-card-loading" aria-label={t('app.loading')} role="status">
            <span />
            <span />
            <span />
          </div>
        ) : (
          children
        )}
      </div>
    </section>
  );
}
