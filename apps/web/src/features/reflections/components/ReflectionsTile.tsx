import { StarFilled } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PortalCard } from '../../../components/PortalCard';
import { reflectionKeys, reflectionsApi } from '../reflections.api';

/** Portal card: my reflections by state, and the latest featured ones. */
export function ReflectionsTile() {
  const { t } = useTranslation();
  const mine = useQuery({ queryKey: reflectionKeys.mine, queryFn: reflectionsApi.mine });
  const featured = useQuery({
    queryKey: reflectionKeys.featured,
    queryFn: () => reflectionsApi.featured(10),
  });
  const count = (state: string) => (mine.data?.items ?? []).filter((r) => r.state === state).length;
  const top = (featured.data?.items ?? []).slice(0, 3);
  if (mine.isError && featured.isError) return null;
  return (
    <PortalCard
      title={t('reflections.portal.reflections')}
      to="/my-reflections"
      more={t('reflections.portal.more')}
      loading={mine.isPending}
      testId="portal-reflections"
    >
      <Flex vertical gap={6}>
        <Typography.Text type="secondary">
          {t('reflections.portal.counts', {
            submitted: count('submitted'),
            approved: count('approved'),
            returned: count('returned'),
          })}
        </Typography.Text>
        {top.length ? (
          <>
            <Typography.Text strong>{t('reflections.portal.featured')}</Typography.Text>
            {top.map((r) => (
              <Link key={r.id} to={`/reflections/${r.id}`} style={{ display: 'block' }}>
                <StarFilled style={{ color: '#d4a017', marginRight: 4 }} aria-hidden />
                <Typography.Text ellipsis style={{ maxWidth: '90%', color: 'inherit' }}>
                  {r.title}（{r.author.name}）
                </Typography.Text>
              </Link>
            ))}
          </>
        ) : null}
      </Flex>
    </PortalCard>
  );
}
