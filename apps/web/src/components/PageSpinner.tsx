import { useTranslation } from 'react-i18next';

/** A centred spinner for a page or a route chunk that is still loading (plain CSS, no antd). */
export function PageSpinner() {
  const { t } = useTranslation();
  return (
    <div className="nx-page-spinner" role="status" aria-label={t('app.loading')}>
      <span className="nx-spinner" />
    </div>
  );
}
