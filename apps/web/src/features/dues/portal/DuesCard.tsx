import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PortalCard } from '../../../components/PortalCard';
import { DuesSummary } from '../components/DuesSummary';
import { duesApi, duesKeys } from '../dues.api';

/** The member portal's card: 党费交至 and the months owed. */
export function DuesCard() {
  const { t } = useTranslation();
  const mine = useQuery({ queryKey: duesKeys.mine, queryFn: duesApi.mine });
  if (mine.isError) return null;
  return (
    <PortalCard
      title={t('dues.portal.title')}
      to="/my-dues"
      more={t('dues.portal.more')}
      loading={mine.isPending}
      testId="portal-dues"
    >
      {mine.data ? <DuesSummary data={mine.data} /> : null}
    </PortalCard>
  );
}
