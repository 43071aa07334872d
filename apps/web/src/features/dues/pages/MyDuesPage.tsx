import { useQuery } from '@tanstack/react-query';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { lazyAnt } from '../../../app/lazyAnt';
import { PageSpinner } from '../../../components/PageSpinner';
import { PortalCard } from '../../../components/PortalCard';
import { Page } from '../../../components/plain/Page';
import { DuesSummary } from '../components/DuesSummary';
import { duesApi, duesKeys } from '../dues.api';

// Rarely shown: antd's Result loads only when the dues failed to load.
const LoadError = lazyAnt(() => import('../../../components/LoadError'), 'LoadError');

/**
 * 我的党费 (phone first): 党费交至, months owed, the year's base and months paid. Plain elements in
 * antd's look (a small Card, Descriptions): the page loads no antd.
 */
export function MyDuesPage() {
  const { t } = useTranslation();
  const mine = useQuery({ queryKey: duesKeys.mine, queryFn: duesApi.mine });
  if (mine.isError)
    return (
      <Suspense fallback={null}>
        <LoadError error={mine.error} onRetry={() => void mine.refetch()} />
      </Suspense>
    );
  if (!mine.data) return <PageSpinner />;
  return (
    <Page title={t('dues.mine.title')} gap={16} data-testid="my-dues">
      <PortalCard>
        <DuesSummary data={mine.data} full />
      </PortalCard>
    </Page>
  );
}
