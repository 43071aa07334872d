import type { VolunteerHoursSummaryResponse } from '@ningxin/shared';
import { useTranslation } from 'react-i18next';
import { Flex } from '../../../components/plain/Flex';
import { Tag } from '../../../components/plain/Tag';
import { Text } from '../../../components/plain/Text';

/** A member's volunteer hours of the year: the total, each source that has hours, those awaiting review. */
export function YearHours({ data }: { data: VolunteerHoursSummaryResponse }) {
  const { t } = useTranslation();
  const sources = data.bySource.filter((s) => s.hours > 0);
  return (
    <Flex vertical gap={6} data-testid="volunteer-year">
      <Flex justify="space-between" align="baseline" wrap gap={8}>
        <Text type="secondary">{t('volunteerHours.summary.year', { year: data.year })}</Text>
        <Text strong style={{ fontSize: 20 }} data-testid="volunteer-year-hours">
          {t('volunteerHours.summary.hours', { hours: data.hours })}
        </Text>
      </Flex>
      {sources.length || data.pendingHours > 0 ? (
        <Flex wrap gap={6}>
          {sources.map((s) => (
            <Tag key={s.source} bordered={false}>
              {s.label} {s.hours}
            </Tag>
          ))}
          {data.pendingHours > 0 ? (
            <Tag color="processing" bordered={false}>
              {t('volunteerHours.summary.pending', { hours: data.pendingHours })}
            </Tag>
          ) : null}
        </Flex>
      ) : (
        <Text type="secondary">{t('volunteerHours.summary.none')}</Text>
      )}
    </Flex>
  );
}
