import { useQuery } from '@tanstack/react-query';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { lazyAnt } from '../../../app/lazyAnt';
import { Deferred } from '../../../components/Deferred';
import { PortalCard } from '../../../components/PortalCard';
import { EditIcon } from '../../../components/pageIcons';
import { Flex } from '../../../components/plain/Flex';
import { ReflectionList } from '../components/ReflectionList';
import { reflectionKeys, reflectionsApi } from '../reflections.api';
import '../../../components/pageButton.css';

// antd comes only with the form, when the member opens it, or with an error's Result.
const ReflectionFormDrawer = lazyAnt(
  () => import('../components/ReflectionFormDrawer'),
  'ReflectionFormDrawer',
  { app: true },
);
const LoadError = lazyAnt(() => import('../../../components/LoadError'), 'LoadError');

/**
 * 我的心得 (phone first): my reflections and their review, a button to write one, the featured
 * ones. Plain elements in antd's look: the page loads no antd until the member writes.
 */
export function MyReflectionsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [writing, setWriting] = useState<boolean | null>(null);
  const mine = useQuery({ queryKey: reflectionKeys.mine, queryFn: reflectionsApi.mine });
  const featured = useQuery({
    queryKey: reflectionKeys.featured,
    queryFn: () => reflectionsApi.featured(10),
  });
  return (
    <Flex vertical gap={12} data-testid="my-reflections">
      <Flex justify="space-between" align="center" gap={8}>
        <h2 className="nx-plain-title">{t('reflections.mine.title')}</h2>
        <button type="button" className="nx-page-btn nx-page-btn-primary" onClick={() => setWriting(true)}>
          <EditIcon />
          {t('reflections.mine.write')}
        </button>
      </Flex>
      <PortalCard testId="my-reflections-mine">
        {mine.isError ? (
          <Suspense fallback={null}>
            <LoadError error={mine.error} onRetry={() => void mine.refetch()} />
          </Suspense>
        ) : (
          <ReflectionList
            items={mine.data?.items ?? []}
            loading={mine.isPending}
            empty={t('reflections.mine.empty')}
          />
        )}
      </PortalCard>
      <PortalCard title={t('reflections.featured.title')} testId="my-reflections-featured">
        {featured.isError ? (
          <Suspense fallback={null}>
            <LoadError error={featured.error} onRetry={() => void featured.refetch()} />
          </Suspense>
        ) : (
          <ReflectionList
            items={featured.data?.items ?? []}
            loading={featured.isPending}
            showState={false}
            empty={t('reflections.featured.empty')}
          />
        )}
      </PortalCard>
      <Deferred asked={writing !== null}>
        <ReflectionFormDrawer
          open={writing === true}
          onClose={() => setWriting(false)}
          onSaved={(r) => navigate(`/reflections/${r.id}`)}
        />
      </Deferred>
    </Flex>
  );
}
