import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';

interface LoadErrorProps {
  error: unknown;
  onRetry?: () => void;
}

/** What a page shows when its data failed to load: the server's message and a retry button. */
export function LoadError({ error, onRetry }: LoadErrorProps) {
  const { t } = useTranslation();
  return (
    <Result
      status="error"
      title={t('app.loadFailed')}
      subTitle={error instanceof Error ? error.message : String(error)}
      extra={
        onRetry && (
          <Button type="primary" onClick={onRetry}>
            {t('app.retry')}
          </Button>
        )
      }
    />
  );
}
