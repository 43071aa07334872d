import type { JobOutcome } from '@ningxin/shared';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS: Record<JobOutcome, string> = { running: 'processing', succeeded: 'success', failed: 'error' };

/** 成功 green, 失败 red, 运行中 blue. */
export function JobOutcomeTag({ outcome }: { outcome: JobOutcome }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[outcome]} style={{ marginInlineEnd: 0 }}>
      {t(`jobs.outcomes.${outcome}`)}
    </Tag>
  );
}
