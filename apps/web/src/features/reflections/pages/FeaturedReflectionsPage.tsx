import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../components/LoadError';
import { ReflectionList } from '../components/ReflectionList';
import { reflectionKeys, reflectionsApi } from '../reflections.api';

/** 精选心得: the reflections featured to the whole committee, for every signed-in user. */
export function FeaturedReflectionsPage() {
  const { t } = useTranslation();
  const featured = useQuery({
    queryKey: [...reflectionKeys.featured, 50],
    queryFn: () => reflectionsApi.featured(50),
  });
  return (
    <Flex vertical gap={12} className="nx-page" data-testid="featured-reflections">
      <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
        {t('reflections.featured.title')}
      </Typography.Title>
      <Card size="small">
        {featured.isError ? (
          <LoadError error={featured.error} onRetry={() => void featured.refetch()} />
        ) : (
          <ReflectionList
            items={featured.data?.items ?? []}
            loading={featured.isPending}
            showState={false}
            empty={t('reflections.featured.empty')}
          />
        )}
      </Card>
    </Flex>
  );
}
