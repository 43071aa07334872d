import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Flex } from '../../../components/plain/Flex';
import { Progress } from '../../../components/plain/Progress';
import { Text } from '../../../components/plain/Text';
import { QueryPortalCard } from '../../../components/QueryPortalCard';
import { pointsApi, pointsKeys } from '../points.api';

/** The member portal's card 我的积分: this year's points out of the full score, and the parts. */
export function MyPointsCard() {
  const { t } = useTranslation();
  const mine = useQuery({ queryKey: pointsKeys.mine(), queryFn: () => pointsApi.mine() });
  return (
    <QueryPortalCard
      query={mine}
      title={t('points.portal.title')}
      to="/my-points"
      more={t('points.portal.more')}
      testId="portal-points"
    >
      {(d) => (
        <Flex vertical gap={6}>
          <Flex justify="space-between" align="baseline">
            <Text type="secondary">{t('points.mine.total', { year: d.year })}</Text>
            <Text strong style={{ fontSize: 20 }} data-testid="portal-points-total">
              {t('points.portal.points', { points: d.total })}
            </Text>
          </Flex>
          <Progress percent={Math.round((Number(d.total) / d.yearTotal) * 100)} />
          <Text type="secondary">
            {t('points.col.base')} {d.base} · {t('points.col.tasks')} {d.tasks} · {t('points.col.bonus')}{' '}
            {d.bonus}
          </Text>
        </Flex>
      )}
    </QueryPortalCard>
  );
}
