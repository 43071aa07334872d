import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryPortalCard } from '../../../components/QueryPortalCard';
import { DuesSummary } from '../components/DuesSummary';
import { duesApi, duesKeys } from '../dues.api';

/** The member portal's card: 党费交至 and the months owed. */
export function DuesCard() {
  const { t } = useTranslation();
  const mine = useQuery({ queryKey: duesKeys.mine, queryFn: duesApi.mine });
  return (
    <QueryPortalCard
      query={mine}
      title={t('dues.portal.title')}
      to="/my-dues"
      more={t('dues.portal.more')}
      testId="portal-dues"
    >
      {(data) => <DuesSummary data={data} />}
    </QueryPortalCard>
  );
}
