import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { auditApi } from '../audit.api';
import { AuditVerifyResult } from './AuditVerifyResult';

/** Checks the hash chain of the whole audit log and says whether it is intact. */
export function AuditVerifyButton() {
  const { t } = useTranslation();
  const showError = useApiErrorHandler();
  const verify = useMutation({ mutationFn: auditApi.verify, onError: (e) => showError(e) });
  return (
    <Flex vertical gap={12}>
      <div>
        <Button
          icon={<SafetyCertificateOutlined aria-hidden />}
          loading={verify.isPending}
          onClick={() => verify.mutate()}
        >
          {t('audit.verify')}
        </Button>
      </div>
      {verify.data && <AuditVerifyResult result={verify.data} onClose={() => verify.reset()} />}
    </Flex>
  );
}
