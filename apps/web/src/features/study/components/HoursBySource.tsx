import type { MemberStudyHoursResponse } from '@ningxin/shared';
import { useTranslation } from 'react-i18next';
import { Flex } from '../../../components/plain/Flex';
import { Progress } from '../../../components/plain/Progress';
import { Tag } from '../../../components/plain/Tag';
import { Text } from '../../../components/plain/Text';

/** A member's year at a glance: hours against the requirement, the gap, and the hours of each source. */
export function HoursBySource({
  data,
  compact = false,
}: {
  data: MemberStudyHoursResponse;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const percent = data.required > 0 ? Math.min(100, Math.round((data.hours / data.required) * 100)) : 100;
  const sources = data.bySource.filter((s) => s.hours > 0 || !compact);
  return (
    <Flex vertical gap={8} data-testid="study-hours">
      <Flex justify="space-between" align="baseline" wrap gap={8}>
        <Text strong data-testid="study-progress">
          {t('study.progress', { hours: data.hours, required: data.required })}
        </Text>
        {data.gap > 0 ? (
          <Tag color="warning" data-testid="study-gap">
            {t('study.gapLeft', { gap: data.gap })}
          </Tag>
        ) : (
          <Tag color="success">{t('study.met')}</Tag>
        )}
      </Flex>
      <Progress percent={percent} status={data.gap > 0 ? 'active' : 'success'} />
      <Flex wrap gap={6}>
        {sources.map((s) => (
          <Tag key={s.source} bordered={false}>
            {s.label} {s.hours}
          </Tag>
        ))}
      </Flex>
    </Flex>
  );
}
