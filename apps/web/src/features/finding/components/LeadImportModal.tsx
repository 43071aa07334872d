import { UploadOutlined } from '@ant-design/icons';
import type { ImportReport } from '@ningxin/shared';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Modal, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { ImportErrorTable } from '../../members/import/ImportErrorTable';
import { findingApi, findingKeys } from '../finding.api';

/** 导入线索名单: check the file (nothing written), then import all rows or none, with progress and the error report. */
export function LeadImportModal({
  campaignId,
  open,
  onClose,
}: {
  campaignId: number;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiErrorHandler();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [processed, setProcessed] = useState<number | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setReport(null);
    setProcessed(0);
    try {
      const r = await findingApi.importLeads(campaignId, file, dryRun, (p) => setProcessed(p.processed));
      setReport(r);
      if (r.committed) {
        message.success(t('finding.imported', { n: r.imported }));
        void client.invalidateQueries({ queryKey: findingKeys.all });
      }
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
      setProcessed(null);
    }
  };

  return (
    <Modal
      title={t('finding.importTitle')}
      open={open}
      onCancel={onClose}
      width={820}
      footer={
        <Flex justify="space-between" wrap gap={8}>
          <Button href={findingApi.templateUrl(campaignId)}>{t('finding.template')}</Button>
          <Flex gap={8}>
            <Button disabled={!file || busy} onClick={() => void run(true)}>
              {t('finding.check')}
            </Button>
            <Button type="primary" disabled={!file} loading={busy} onClick={() => void run(false)}>
              {t('finding.doImport')}
            </Button>
          </Flex>
        </Flex>
      }
    >
      <Upload
        accept=".xlsx"
        maxCount={1}
        beforeUpload={(f) => {
          setFile(f);
          setReport(null);
          return false;
        }}
        onRemove={() => setFile(null)}
      >
        <Button icon={<UploadOutlined />}>{t('finding.chooseFile')}</Button>
      </Upload>
      {processed !== null && (
        <Typography.Paragraph>{t('finding.processing', { n: processed })}</Typography.Paragraph>
      )}
      {report && (
        <Flex vertical gap={12} style={{ marginTop: 12 }}>
          <Alert
            type={report.errors.length ? 'error' : 'success'}
            showIcon
            title={
              report.committed
                ? t('finding.imported', { n: report.imported })
                : t('finding.checked', { total: report.total, valid: report.valid })
            }
            description={report.errors.length ? t('finding.hasErrors') : undefined}
          />
          {report.errors.length > 0 && <ImportErrorTable errors={report.errors} />}
        </Flex>
      )}
    </Modal>
  );
}
