import type { MemberResponse } from '@ningxin/shared';
import { Card, Empty, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../app/i18n/useLabels';
import { actorLabel } from '../../../lib/format';
import { useFormatters } from '../../../lib/useFormatters';
import { STATUS_COLORS } from './MemberStatusTag';

const TIMELINE_COLORS: Record<string, string> = { default: 'gray', cyan: 'blue', orange: 'orange' };

/** The status history, newest first: what changed, from when, why, and who did it. */
export function StatusTimeline({ member }: { member: MemberResponse }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const fmt = useFormatters();
  const events = [...member.statusHistory].sort((a, b) =>
    a.effectiveDate === b.effectiveDate ? b.id - a.id : a.effectiveDate < b.effectiveDate ? 1 : -1,
  );
  return (
    <Card size="small" title={t('member.timeline')}>
      {events.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('member.timelineEmpty')} />
      ) : (
        <Timeline
          items={events.map((e) => {
            const color = STATUS_COLORS[e.toStatus];
            const to = labels.memberStatus(e.toStatus);
            return {
              key: e.id,
              color: TIMELINE_COLORS[color] ?? color,
              title: e.effectiveDate,
              content: (
                <>
                  <Typography.Text strong>
                    {e.fromStatus
                      ? t('member.statusEvent', { from: labels.memberStatus(e.fromStatus), to })
                      : t('member.statusInitial', { to })}
                  </Typography.Text>
                  <Typography.Paragraph style={{ margin: '2px 0 0' }}>{e.reason}</Typography.Paragraph>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('member.eventBy', {
                      name: actorLabel(e, t('common.system')),
                      time: fmt.dateTime(e.at),
                    })}
                  </Typography.Text>
                </>
              ),
            };
          })}
        />
      )}
    </Card>
  );
}
