import type { AuditVerifyResponse } from '@ningxin/shared';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';

interface AuditVerifyResultProps {
  result: AuditVerifyResponse;
  onClose: () => void;
}

/** "审计日志完整，共 N 条" in green, or where the chain breaks in red. */
export function AuditVerifyResult({ result, onClose }: AuditVerifyResultProps) {
  const { t } = useTranslation();
  if (result.status === 'intact') {
    return (
      <Alert
        type="success"
        showIcon
        closable={{ onClose }}
        title={t('audit.intact', { rows: result.rows })}
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      closable={{ onClose }}
      title={t('audit.broken', { seq: result.firstBrokenSeq ?? '?', reason: result.reason ?? '' })}
    />
  );
}
