import { DownloadOutlined, DownOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MemberFilters } from '../memberFilters';
import { exportUrl } from '../members.api';

/** Starts a browser download of a URL (the server answers with an attachment). */
function download(url: string) {
  const a = document.createElement('a');
  a.href = url;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
}

interface MemberExportButtonProps {
  filters: MemberFilters;
  /** The user may see full ID numbers and phones: offer the full export too. */
  canReveal: boolean;
}

/** 导出: the filtered list as .xlsx, masked; with the reveal permission, full details after a warning. */
export function MemberExportButton({ filters, canReveal }: MemberExportButtonProps) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  if (!canReveal) {
    return (
      <Button icon={<DownloadOutlined aria-hidden />} href={exportUrl(filters, false)}>
        {t('members.export')}
      </Button>
    );
  }
  const confirmFull = () =>
    modal.confirm({
      title: t('members.exportFullTitle'),
      content: t('members.exportFullConfirm'),
      okText: t('members.exportFull'),
      cancelText: t('common.cancel'),
      onOk: () => {
        download(exportUrl(filters, true));
        message.info(t('members.exportStarted'));
      },
    });
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'masked', label: <a href={exportUrl(filters, false)}>{t('members.exportMasked')}</a> },
          { key: 'full', label: t('members.exportFull'), onClick: confirmFull },
        ],
      }}
    >
      <Button icon={<DownloadOutlined aria-hidden />}>
        {t('members.export')}
        <DownOutlined aria-hidden />
      </Button>
    </Dropdown>
  );
}
