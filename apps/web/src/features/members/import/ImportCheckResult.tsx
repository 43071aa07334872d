import { ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { ImportReport } from '@ningxin/shared';
import { Alert, Button, Flex, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { ImportErrorTable } from './ImportErrorTable';
import { badRowCount, fileNotes, rowErrors } from './memberImport.api';

interface ImportCheckResultProps {
  report: ImportReport;
  fileName: string;
  onCommit: () => void;
  onReselect: () => void;
}

/** Step 2's outcome: the counts, the errors to fix, and 导入 when every row passed. */
export function ImportCheckResult({ report, fileName, onCommit, onReselect }: ImportCheckResultProps) {
  const { t } = useTranslation();
  const bad = badRowCount(report);
  const ready = report.errors.length === 0 && report.valid > 0;
  const summary = t('memberImport.summary', { total: report.total, valid: report.valid, bad });
  const hint =
    report.errors.length > 0
      ? t('memberImport.fixHint')
      : ready
        ? t('memberImport.readyHint')
        : t('memberImport.nothingToImport');
  return (
    <Flex vertical gap={16}>
      <Alert
        type={ready ? 'success' : report.errors.length > 0 ? 'error' : 'warning'}
        showIcon
        title={`${fileName}：${summary}`}
        description={hint}
      />
      <Space wrap>
        {ready && (
          <Button type="primary" icon={<UploadOutlined aria-hidden />} onClick={onCommit}>
            {t('memberImport.commit')}
          </Button>
        )}
        <Button icon={<ReloadOutlined aria-hidden />} onClick={onReselect}>
          {t('memberImport.reselect')}
        </Button>
      </Space>
      {fileNotes(report).map((note) => (
        <Alert key={note.code} type="warning" showIcon title={note.message} />
      ))}
      {rowErrors(report).length > 0 && <ImportErrorTable errors={rowErrors(report)} />}
    </Flex>
  );
}
