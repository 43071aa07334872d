import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PortalCard } from '../../../components/PortalCard';
import { YearHours } from '../components/YearHours';
import { volunteerHoursApi, volunteerHoursKeys } from '../volunteer-hours.api';

/** The member portal's card: my volunteer hours this year (campaign shifts and approved reports). */
export function VolunteerHoursCard() {
  const { t } = useTranslation();
  const summary = useQuery({ queryKey: volunteerHoursKeys.summary, queryFn: volunteerHoursApi.summary });
  if (summary.isError) return null;
  return (
    <PortalCard
      title={t('volunteerHours.portal.title')}
      to="/my-volunteer-hours"
      more={t('volunteerHours.portal.more')}
      loading={summary.isPending}
      testId="portal-volunteer-hours"
    >
      {summary.data ? <YearHours data={summary.data} /> : null}
    </PortalCard>
  );
}
