import { useQuery } from '@tanstack/react-query';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { lazyAnt } from '../../../app/lazyAnt';
import { PageSpinner } from '../../../components/PageSpinner';
import { PortalCard } from '../../../components/PortalCard';
import { Empty } from '../../../components/plain/Empty';
import { List } from '../../../components/plain/List';
import { Page } from '../../../components/plain/Page';
import { useMessage } from '../../../components/plain/useMessage';
import { MyPlace } from '../components/MyPlace';
import { OpenCampaignCard } from '../components/OpenCampaignCard';
import { volunteerApi, volunteerKeys } from '../volunteer.api';
import './myVolunteer.css';

// Rarely shown: antd's Result loads only when my shifts failed to load.
const LoadError = lazyAnt(() => import('../../../components/LoadError'), 'LoadError');

/**
 * The member's phone page: my shifts, and the campaigns open to me with shifts to sign up for.
 * Plain elements in antd's look (small Cards, Lists, a message): the page loads no antd.
 */
export function MyVolunteerPage() {
  const { t } = useTranslation();
  const { message, holder } = useMessage();
  const mine = useQuery({ queryKey: volunteerKeys.mine, queryFn: () => volunteerApi.mine() });
  const open = useQuery({ queryKey: volunteerKeys.open, queryFn: () => volunteerApi.open() });
  if (mine.isError)
    return (
      <Suspense fallback={null}>
        <LoadError error={mine.error} onRetry={() => void mine.refetch()} />
      </Suspense>
    );
  if (!mine.data) return <PageSpinner />;
  return (
    <div className="nx-my-volunteer">
      <Page title={t('nav.myVolunteering')} data-testid="my-volunteer">
        {holder}
        <PortalCard title={t('volunteer.mine.upcoming')} testId="my-shifts">
          {mine.data.upcoming.length === 0 ? (
            <Empty description={t('volunteer.mine.none')} />
          ) : (
            <List aria-label={t('volunteer.mine.upcoming')}>
              {mine.data.upcoming.map((p) => (
                <MyPlace key={p.id} place={p} message={message} />
              ))}
            </List>
          )}
        </PortalCard>
        <h5 className="nx-my-volunteer-heading">{t('volunteer.mine.open')}</h5>
        {open.isPending ? <PageSpinner /> : null}
        {open.data?.items.length === 0 ? <Empty description={t('volunteer.mine.noOpen')} /> : null}
        {open.data?.items.map((c) => (
          <OpenCampaignCard key={c.id} campaign={c} message={message} />
        ))}
        {mine.data.past.length > 0 ? (
          <PortalCard title={t('volunteer.mine.past')}>
            <List aria-label={t('volunteer.mine.past')}>
              {mine.data.past.map((p) => (
                <MyPlace key={p.id} place={p} message={message} />
              ))}
            </List>
          </PortalCard>
        ) : null}
      </Page>
    </div>
  );
}
