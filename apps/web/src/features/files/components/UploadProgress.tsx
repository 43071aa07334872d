import { Button, Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The file being sent: its name, how much has gone, and a way to stop. */
export function UploadProgress({
  name,
  percent,
  onCancel,
}: {
  name: string;
  percent: number;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={4} className="nx-upload-progress" role="status" aria-live="polite">
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Text ellipsis style={{ minWidth: 0 }}>
          {percent < 100 ? t('files.uploading', { name }) : t('files.processing')}
        </Typography.Text>
        <Button size="small" type="link" onClick={onCancel}>
          {t('files.cancel')}
        </Button>
      </Flex>
      <Progress percent={percent} size="small" status="active" aria-label={t('files.progress')} />
    </Flex>
  );
}
