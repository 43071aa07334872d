import type { VolunteerHoursResponse } from '@ningxin/shared';
import { Flex, List, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { VOLUNTEER_HOURS_COLORS } from '../volunteer-hours.api';

/**
 * Reports as a phone list: the day, the hours and the state; what and where; the reason of a
 * rejection; `actions` renders what the user may do with each.
 */
export function HoursReportList({
  items,
  loading,
  empty,
  showMember = false,
  actions,
}: {
  items: readonly VolunteerHoursResponse[];
  loading?: boolean;
  empty: ReactNode;
  showMember?: boolean;
  actions?: (r: VolunteerHoursResponse) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <List
      loading={loading ?? false}
      dataSource={[...items]}
      locale={{ emptyText: empty }}
      renderItem={(r) => (
        <List.Item aria-label={`${r.servedOn} ${r.description}`} data-testid="volunteer-hours-item">
          <Flex vertical gap={4} style={{ width: '100%' }}>
            <Flex justify="space-between" gap={8} align="start">
              <Typography.Text strong>
                {showMember ? `${r.member.name} · ` : ''}
                {r.servedOn} · {t('volunteerHours.summary.hours', { hours: r.hours })}
              </Typography.Text>
              <Tag color={VOLUNTEER_HOURS_COLORS[r.state]}>{r.stateLabel}</Tag>
            </Flex>
            <Typography.Text>{r.description}</Typography.Text>
            <Typography.Text type="secondary">
              {[r.place, showMember ? r.org.name : null].filter(Boolean).join(' · ')}
            </Typography.Text>
            {r.state === 'rejected' && r.decisionNote ? (
              <Typography.Text type="danger">
                {t('volunteerHours.mine.reason', { reason: r.decisionNote })}
              </Typography.Text>
            ) : null}
            {actions ? actions(r) : null}
          </Flex>
        </List.Item>
      )}
    />
  );
}
