import type { ActivityYearSummary } from '@ningxin/shared';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../app/i18n/useLabels';
import { useLanguage } from '../../../app/i18n/useLanguage';
import { formatActivityQuantity } from '../activityFormat';

/** A year's totals by kind: what was done, how much, and in how many entries where that differs. */
export function ActivityTotals({ summary }: { summary: ActivityYearSummary }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const locale = useLanguage() === 'en' ? 'en-GB' : 'zh-CN';
  if (summary.totals.length === 0) return null; // the timeline says the year is empty
  return (
    <section aria-label={t('activity.totals', { year: summary.year })}>
      <Typography.Text strong>{t('activity.totals', { year: summary.year })}</Typography.Text>
      <ul className="nx-activity-totals">
        {summary.totals.map((total) => (
          <li key={total.kind}>
            <Typography.Text type="secondary" className="nx-activity-total-kind">
              {labels.activityKind(total.kind)}
            </Typography.Text>
            <span className="nx-activity-total-value">
              {formatActivityQuantity(total.unit, total.quantity, locale)}
              <Typography.Text type="secondary"> {labels.activityUnit(total.unit)}</Typography.Text>
            </span>
            {total.unit !== 'times' && (
              <Typography.Text type="secondary" className="nx-activity-total-kind">
                {t('activity.entries', { count: total.entries })}
              </Typography.Text>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
