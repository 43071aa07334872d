import { Flex, Progress, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportProgress } from './memberImport.api';

interface ImportProgressViewProps {
  progress: ImportProgress | null;
  /** The rows expected, when known (a commit knows the count from its check). */
  total?: number;
  title: string;
}

/** A progress bar while the server checks or writes rows; the processed count until the total is known. */
export function ImportProgressView({ progress, total: expected, title }: ImportProgressViewProps) {
  const { t } = useTranslation();
  const processed = progress?.processed ?? 0;
  const total = progress?.total ?? expected;
  const percent = total ? Math.min(100, Math.floor((processed / total) * 100)) : undefined;
  return (
    <Flex vertical gap={12} align="center" style={{ padding: '24px 0' }} role="status" aria-live="polite">
      <Typography.Text strong>{title}</Typography.Text>
      {percent === undefined ? (
        <Spin />
      ) : (
        <Progress percent={percent} status="active" style={{ maxWidth: 480, width: '100%' }} />
      )}
      <Typography.Text type="secondary">{t('memberImport.processed', { count: processed })}</Typography.Text>
    </Flex>
  );
}
