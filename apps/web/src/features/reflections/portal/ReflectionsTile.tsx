import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PortalCard } from '../../../components/PortalCard';
import { Flex } from '../../../components/plain/Flex';
import { Text } from '../../../components/plain/Text';
import { SvgIcon } from '../../../components/SvgIcon';
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
        <Text type="secondary">
          {t('reflections.portal.counts', {
            submitted: count('submitted'),
            approved: count('approved'),
            returned: count('returned'),
          })}
        </Text>
        {top.length ? (
          <>
            <Text strong>{t('reflections.portal.featured')}</Text>
            {top.map((r) => (
              <Link key={r.id} to={`/reflections/${r.id}`} style={{ display: 'block' }}>
                <span style={{ color: '#d4a017', marginRight: 4 }}>
                  <SvgIcon>
                    <path d="M908.1 353.1l-253.9-36.9L540.7 86.1c-3.1-6.3-8.2-11.4-14.5-14.5-15.8-7.8-35-1.3-42.9 14.5L369.8 316.2l-253.9 36.9c-7 1-13.4 4.3-18.3 9.3a32.05 32.05 0 00.6 45.3l183.7 179.1-43.4 252.9a31.95 31.95 0 0046.4 33.7L512 754l227.1 119.4c6.2 3.3 13.4 4.4 20.3 3.2 17.4-3 29.1-19.5 26.1-36.9l-43.4-252.9 183.7-179.1c5-4.9 8.3-11.3 9.3-18.3 2.7-17.5-9.5-33.7-27-36.3z" />
                  </SvgIcon>
                </span>
                <Text ellipsis style={{ maxWidth: '90%', color: 'inherit' }}>
                  {r.title}（{r.author.name}）
                </Text>
              </Link>
            ))}
          </>
        ) : null}
      </Flex>
    </PortalCard>
  );
}
