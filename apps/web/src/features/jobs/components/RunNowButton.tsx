import { PlayCircleOutlined } from '@ant-design/icons';
import type { JobResponse } from '@ningxin/shared';
import { App, Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../lib/useApiErrorHandler';
import { useRunJobNow } from '../useJobs';

/** 立即运行, after a confirmation; tells how the run ended. */
export function RunNowButton({ job }: { job: JobResponse }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiErrorHandler();
  const run = useRunJobNow();
  const start = () =>
    run.mutate(job.name, {
      onSuccess: (result) => {
        if (result.outcome === 'failed')
          message.error(t('jobs.ranFailed', { label: job.label, error: result.error ?? '' }));
        else message.success(t('jobs.ranOk', { label: job.label, rows: result.rows ?? 0 }));
      },
      onError: (e) => showError(e),
    });
  return (
    <Popconfirm
      title={t('jobs.runNowConfirm', { label: job.label })}
      description={t('jobs.runNowHint')}
      okText={t('jobs.runNow')}
      cancelText={t('common.cancel')}
      onConfirm={start}
    >
      <Button size="small" icon={<PlayCircleOutlined aria-hidden />} loading={run.isPending}>
        {t('jobs.runNow')}
      </Button>
    </Popconfirm>
  );
}
