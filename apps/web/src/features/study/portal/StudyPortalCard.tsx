import { localIsoDate } from '@ningxin/shared';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PortalCard } from '../../../components/PortalCard';
import { HoursBySource } from '../components/HoursBySource';
import { studyApi, studyKeys } from '../study.api';

/** The member portal's card: my study hours this year against the requirement, by source. */
export function StudyPortalCard() {
  const { t } = useTranslation();
  const year = Number(localIsoDate(new Date()).slice(0, 4));
  const mine = useQuery({ queryKey: studyKeys.mine(year), queryFn: () => studyApi.mine(year) });
  if (mine.isError) return null;
  return (
    <PortalCard
      title={t('study.mine.card')}
      to="/my-study"
      more={t('study.mine.more')}
      testId="portal-study"
      loading={mine.isPending}
    >
      {mine.data && <HoursBySource data={mine.data} compact />}
    </PortalCard>
  );
}
