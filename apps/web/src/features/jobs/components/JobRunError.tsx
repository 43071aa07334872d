import type { JobRunResponse } from '@ningxin/shared';
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/useFormatters';

/** A failed run's reason, in red, and when it will be tried again. */
export function JobRunError({ run }: { run: Pick<JobRunResponse, 'outcome' | 'error' | 'retryAt'> }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  if (run.outcome !== 'failed') return null;
  return (
    <Flex vertical gap={2}>
      <Typography.Text type="danger" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {run.error ?? t('jobs.noReason')}
      </Typography.Text>
      {run.retryAt && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('jobs.retryAt', { time: fmt.dateTime(run.retryAt) })}
        </Typography.Text>
      )}
    </Flex>
  );
}
