import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

/** Downloads the table behind a chart as .xlsx (the server writes it and audits the export). */
export function ExportButton({ href, label }: { href: string; label: string }) {
  const { t } = useTranslation();
  return (
    <Button
      size="small"
      icon={<DownloadOutlined aria-hidden />}
      href={href}
      aria-label={`${t('stats.export')}：${label}`}
    >
      {t('stats.export')}
    </Button>
  );
}
