import { ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { ImportCheck } from '@ningxin/shared';
import { Alert, Button, Flex, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/useFormatters';
import { ImportErrorTable } from './ImportErrorTable';
import { ImportStageSummary } from './ImportStageSummary';
import { badRowCount, fileNotes, rowErrors } from './memberImport.api';

interface ImportCheckResultProps {
  report: ImportCheck;
  fileName: string;
  onCommit: () => void;
  onReselect: () => void;
}

/**
 * Step 2's outcome: the counts, the errors to fix, or, when every row passed, where they go and
 * "校验通过 N 行，确认导入" (the checked rows are kept on the server until the time shown).
 */
export function ImportCheckResult({ report, fileName, onCommit, onReselect }: ImportCheckResultProps) {
  const { t } = useTranslation();
  // In Beijing time and the UI's language, as every time the app shows (not the browser's zone).
  const { dateTime } = useFormatters();
  const bad = badRowCount(report);
  const { stage } = report;
  const ready = report.errors.length === 0 && stage !== null;
  const summary = t('memberImport.summary', { total: report.total, valid: report.valid, bad });
  const hint =
    report.errors.length > 0
      ? t('memberImport.fixHint')
      : stage
        ? t('memberImport.readyHint', {
            time: dateTime(stage.expiresAt),
          })
        : report.valid > 0
          ? t('memberImport.stageGone')
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
            {t('memberImport.confirm', { rows: report.valid.toLocaleString() })}
          </Button>
        )}
        <Button icon={<ReloadOutlined aria-hidden />} onClick={onReselect}>
          {t('memberImport.reselect')}
        </Button>
      </Space>
      {stage && <ImportStageSummary byOrg={stage.byOrg} />}
      {fileNotes(report).map((note) => (
        <Alert key={note.code} type="warning" showIcon title={note.message} />
      ))}
      {rowErrors(report).length > 0 && <ImportErrorTable errors={rowErrors(report)} />}
    </Flex>
  );
}
