import { localIsoDate } from '@ningxin/shared';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryPortalCard } from '../../../components/QueryPortalCard';
import { HoursBySource } from '../components/HoursBySource';
import { studyApi, studyKeys } from '../study.api';

/** The member portal's card: my study hours this year against the requirement, by source. */
export function StudyPortalCard() {
  const { t } = useTranslation();
  const year = Number(localIsoDate(new Date()).slice(0, 4));
  const mine = useQuery({ queryKey: studyKeys.mine(year), queryFn: () => studyApi.mine(year) });
  return (
    <QueryPortalCard
      query={mine}
      title={t('study.mine.card')}
      to="/my-study"
      more={t('study.mine.more')}
      testId="portal-study"
    >
      {(data) => <HoursBySource data={data} compact />}
    </QueryPortalCard>
  );
}
