import type { ActivityItem, ActivityKind } from '@ningxin/shared';
import { Empty, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../app/i18n/useLabels';
import { useLanguage } from '../../../app/i18n/useLanguage';
import { actorLabel } from '../../../lib/format';
import { useFormatters } from '../../../lib/useFormatters';
import { STATUS_COLORS } from '../../members/components/MemberStatusTag';
import { formatActivityQuantity, showsQuantity } from '../activityFormat';

/** Timeline dots: a status change in its status's colour, other deeds by kind. */
const STATUS_DOTS: Record<string, string> = { default: 'gray', cyan: 'blue', orange: 'orange' };
const KIND_DOTS: Record<ActivityKind, string> = {
  meeting_attended: 'red',
  study_hours: 'blue',
  volunteer_hours: 'green',
  contribution: 'orange',
  honour: 'red',
  dues_paid: 'blue',
  evaluation: 'gray',
  contact: 'blue',
  care: 'green',
  status_changed: 'gray',
};

function dotColor(item: ActivityItem): string {
  if (!item.statusChange) return KIND_DOTS[item.kind];
  const color = STATUS_COLORS[item.statusChange.toStatus];
  return STATUS_DOTS[color] ?? color;
}

/** What one entry was: the status change from → to, or the deed with its quantity. */
function Headline({ item }: { item: ActivityItem }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const locale = useLanguage() === 'en' ? 'en-GB' : 'zh-CN';
  const change = item.statusChange;
  if (change) {
    const to = labels.memberStatus(change.toStatus);
    return (
      <Typography.Text strong>
        {change.fromStatus
          ? t('activity.statusEvent', { from: labels.memberStatus(change.fromStatus), to })
          : t('activity.statusInitial', { to })}
      </Typography.Text>
    );
  }
  return (
    <Typography.Text strong>
      {labels.activityKind(item.kind)}
      {showsQuantity(item.unit, item.quantity) &&
        ` · ${formatActivityQuantity(item.unit, item.quantity, locale)} ${labels.activityUnit(item.unit)}`}
    </Typography.Text>
  );
}

/** The entries, newest first: the day, what it was, its description, and who made it or where. */
export function ActivityTimeline({ items, emptyText }: { items: ActivityItem[]; emptyText: string }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />;
  return (
    <Timeline
      items={items.map((item) => ({
        key: item.id,
        color: dotColor(item),
        title: item.occurredOn,
        content: (
          <>
            <Headline item={item} />
            <Typography.Paragraph className="nx-activity-title">{item.title}</Typography.Paragraph>
            <Typography.Text type="secondary" className="nx-activity-meta">
              {item.statusChange
                ? t('activity.by', {
                    name: actorLabel(item.statusChange, t('common.system')),
                    time: fmt.dateTime(item.recordedAt),
                  })
                : item.orgName}
            </Typography.Text>
          </>
        ),
      }))}
    />
  );
}
