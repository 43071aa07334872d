import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PortalCard } from '../../../components/PortalCard';
import { Flex } from '../../../components/plain/Flex';
import { Text } from '../../../components/plain/Text';
import { reportKeys, reportsApi } from '../reflections.api';

/** Portal card: this year's report owed or submitted, with a link to write it. */
export function ReportTile() {
  const { t } = useTranslation();
  const mine = useQuery({ queryKey: reportKeys.mine, queryFn: reportsApi.mine });
  if (mine.isError) return null;
  const year = mine.data?.year ?? new Date().getFullYear();
  const thisYear = (mine.data?.items ?? []).filter((r) => r.year === year).length;
  return (
    <PortalCard
      title={t('reflections.portal.report')}
      to="/my-reports"
      more={mine.data?.owed ? t('reflections.reports.write') : t('reflections.portal.more')}
      loading={mine.isPending}
      testId="portal-report"
    >
      <Flex vertical gap={4}>
        <Text type={mine.data?.owed ? 'warning' : 'success'}>
          {mine.data?.owed
            ? t('reflections.reports.owed', { year })
            : t('reflections.reports.done', { year })}
        </Text>
        {thisYear ? <Text type="secondary">{t('reflections.portal.submitted', { n: thisYear })}</Text> : null}
      </Flex>
    </PortalCard>
  );
}
