import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Flex } from '../../../components/plain/Flex';
import { Text } from '../../../components/plain/Text';
import { QueryPortalCard } from '../../../components/QueryPortalCard';
import { reportKeys, reportsApi } from '../reflections.api';

/** Portal card: this year's report owed or submitted, with a link to write it. */
export function ReportTile() {
  const { t } = useTranslation();
  const mine = useQuery({ queryKey: reportKeys.mine, queryFn: reportsApi.mine });
  return (
    <QueryPortalCard
      query={mine}
      title={t('reflections.portal.report')}
      to="/my-reports"
      more={mine.data?.owed ? t('reflections.reports.write') : t('reflections.portal.more')}
      testId="portal-report"
    >
      {({ year, owed, items }) => {
        const thisYear = items.filter((r) => r.year === year).length;
        return (
          <Flex vertical gap={4}>
            <Text type={owed ? 'warning' : 'success'}>
              {owed ? t('reflections.reports.owed', { year }) : t('reflections.reports.done', { year })}
            </Text>
            {thisYear ? (
              <Text type="secondary">{t('reflections.portal.submitted', { n: thisYear })}</Text>
            ) : null}
          </Flex>
        );
      }}
    </QueryPortalCard>
  );
}
