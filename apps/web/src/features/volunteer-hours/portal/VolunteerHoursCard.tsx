import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryPortalCard } from '../../../components/QueryPortalCard';
import { YearHours } from '../components/YearHours';
import { volunteerHoursApi, volunteerHoursKeys } from '../volunteer-hours.api';

/** The member portal's card: my volunteer hours this year (campaign shifts and approved reports). */
export function VolunteerHoursCard() {
  const { t } = useTranslation();
  const summary = useQuery({ queryKey: volunteerHoursKeys.summary, queryFn: volunteerHoursApi.summary });
  return (
    <QueryPortalCard
      query={summary}
      title={t('volunteerHours.portal.title')}
      to="/my-volunteer-hours"
      more={t('volunteerHours.portal.more')}
      testId="portal-volunteer-hours"
    >
      {(data) => <YearHours data={data} />}
    </QueryPortalCard>
  );
}
