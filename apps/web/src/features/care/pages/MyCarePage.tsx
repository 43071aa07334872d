import { useQuery } from '@tanstack/react-query';
import { type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { lazyAnt } from '../../../app/lazyAnt';
import { PortalCard } from '../../../components/PortalCard';
import { Empty } from '../../../components/plain/Empty';
import { Flex } from '../../../components/plain/Flex';
import { List } from '../../../components/plain/List';
import { ListItem } from '../../../components/plain/ListItem';
import { Page } from '../../../components/plain/Page';
import { Text } from '../../../components/plain/Text';
import { yuan } from '../../hometown/money';
import { careApi, careKeys } from '../care.api';
import { NextBirthday } from '../components/MyCareSummary';

// Rarely shown: antd's Result loads only when my care failed to load.
const LoadError = lazyAnt(() => import('../../../components/LoadError'), 'LoadError');

interface Row {
  key: number;
  title: string;
  description: string;
}

/**
 * 我的关爱与荣誉 (phone first): my next 政治生日, the visits and help I received, my honours. Plain
 * elements in antd's look (small Cards with Lists): the page loads no antd.
 */
export function MyCarePage() {
  const { t } = useTranslation();
  const mine = useQuery({ queryKey: careKeys.mine, queryFn: careApi.mine });
  if (mine.isError)
    return (
      <Suspense fallback={null}>
        <LoadError error={mine.error} onRetry={() => void mine.refetch()} />
      </Suspense>
    );
  const data = mine.data;
  const card = (title: string, rows: Row[] | undefined): ReactNode => (
    <PortalCard title={title} loading={!rows}>
      {rows?.length === 0 ? (
        <Empty description={t('care.mine.none')} />
      ) : (
        <List aria-label={title}>
          {rows?.map((r) => (
            <ListItem key={r.key}>
              <Flex vertical gap={4}>
                <Text>{r.title}</Text>
                <Text type="secondary">{r.description}</Text>
              </Flex>
            </ListItem>
          ))}
        </List>
      )}
    </PortalCard>
  );
  return (
    <Page title={t('care.mine.title')} data-testid="my-care">
      <PortalCard loading={!data}>{data ? <NextBirthday data={data} /> : null}</PortalCard>
      {card(
        t('care.mine.honours'),
        data?.honours.map((h) => ({
          key: h.id,
          title: h.title,
          description: `${h.levelLabel} · ${h.issuer} · ${h.awardedOn}`,
        })),
      )}
      {card(
        t('care.mine.visits'),
        data?.visits.map((v) => ({
          key: v.id,
          title: v.title,
          description: `${v.visitedOn} · ${v.visitors}`,
        })),
      )}
      {card(
        t('care.mine.help'),
        data?.help.map((h) => ({
          key: h.id,
          title: `${h.kindLabel}${h.amountFen ? ` ${yuan(h.amountFen)} ${t('care.yuan')}` : ''}`,
          description: `${h.givenOn} · ${h.reason}`,
        })),
      )}
    </Page>
  );
}
