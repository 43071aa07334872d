import { localIsoDate } from '@ningxin/shared';
import { useQuery } from '@tanstack/react-query';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lazyAnt } from '../../../app/lazyAnt';
import { PageSpinner } from '../../../components/PageSpinner';
import { PortalCard } from '../../../components/PortalCard';
import { Empty } from '../../../components/plain/Empty';
import { Flex } from '../../../components/plain/Flex';
import { List } from '../../../components/plain/List';
import { ListItem } from '../../../components/plain/ListItem';
import { Page } from '../../../components/plain/Page';
import { Text } from '../../../components/plain/Text';
import { YearSelect } from '../../../components/plain/YearSelect';
import { HoursBySource } from '../components/HoursBySource';
import { studyApi, studyKeys } from '../study.api';

// Rarely shown: antd's Result loads only when the hours failed to load.
const LoadError = lazyAnt(() => import('../../../components/LoadError'), 'LoadError');

/**
 * 我的学时 (phone first): my hours of the year against the requirement, by source, and every entry.
 * Plain elements in antd's look (small Cards, a List): the page loads no antd.
 */
export function MyStudyPage() {
  const { t } = useTranslation();
  const thisYear = Number(localIsoDate(new Date()).slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const mine = useQuery({ queryKey: studyKeys.mine(year), queryFn: () => studyApi.mine(year) });
  const yearChoice = (
    <YearSelect
      label={t('study.year')}
      years={[thisYear, thisYear - 1, thisYear - 2]}
      value={year}
      onChange={setYear}
    />
  );
  return (
    <Page title={t('study.mine.title')} extra={yearChoice} data-testid="my-study">
      {mine.isPending ? (
        <PageSpinner />
      ) : mine.isError ? (
        <Suspense fallback={null}>
          <LoadError error={mine.error} onRetry={() => void mine.refetch()} />
        </Suspense>
      ) : (
        <>
          <PortalCard>
            <HoursBySource data={mine.data} />
          </PortalCard>
          <PortalCard title={t('study.entries')}>
            {mine.data.entries.length === 0 ? (
              <Empty description={t('study.noEntries')} />
            ) : (
              <List aria-label={t('study.entries')}>
                {mine.data.entries.map((e, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: entries have no id; the list is replaced whole
                  <ListItem key={i} extra={t('study.hoursUnit', { hours: e.hours })}>
                    <Flex vertical gap={4}>
                      <Text>{e.title}</Text>
                      <Text type="secondary">{`${e.occurredOn} · ${e.sourceLabel}`}</Text>
                    </Flex>
                  </ListItem>
                ))}
              </List>
            )}
          </PortalCard>
        </>
      )}
    </Page>
  );
}
