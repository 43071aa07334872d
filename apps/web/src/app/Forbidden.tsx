import { Result } from 'antd';
import { useTranslation } from 'react-i18next';

/** The 403 page: the user lacks the permission a page needs. */
export function Forbidden() {
  const { t } = useTranslation();
  return <Result status="403" title="403" subTitle={t('app.forbidden')} />;
}
