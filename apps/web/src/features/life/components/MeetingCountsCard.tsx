import type { MeetingResponse } from '@ningxin/shared';
import { Card, Flex, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';

/** A meeting's attendance counts: expected, attended, late, leave, absent, pending, guests. */
export function MeetingCountsCard({ meeting: m }: { meeting: MeetingResponse }) {
  const { t } = useTranslation();
  const keys = ['due', 'attended', 'late', 'leave', 'absent', 'pending', 'guests'] as const;
  return (
    <Card size="small">
      <Flex gap={24} wrap data-testid="meeting-counts">
        {keys.map((k) => (
          <Statistic key={k} title={t(`life.detail.counts.${k}`)} value={m.counts[k]} />
        ))}
        {m.counts.leaveRequested ? (
          <Statistic title={t('life.detail.counts.leaveRequested')} value={m.counts.leaveRequested} />
        ) : null}
      </Flex>
    </Card>
  );
}
