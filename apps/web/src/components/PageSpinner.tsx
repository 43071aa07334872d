import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';

/** A centred spinner for a page or a route chunk that is still loading. */
export function PageSpinner() {
  const { t } = useTranslation();
  return (
    <div className="nx-page-spinner" role="status" aria-label={t('app.loading')}>
      <Spin size="large" />
    </div>
  );
}
