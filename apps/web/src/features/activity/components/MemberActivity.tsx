import { Card, Flex, Select, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../components/LoadError';
import { LoadMoreButton } from '../../../components/LoadMoreButton';
import { useMemberActivity } from '../useMemberActivity';
import { ActivityTimeline } from './ActivityTimeline';
import { ActivityTotals } from './ActivityTotals';

const RECENT = 'recent';

/**
 * 履历: one timeline of what the member did and what happened to the record (status changes,
 * contacts, and the deeds other domains count), the most recent first or a year at a time with
 * the year's totals by kind.
 */
export function MemberActivity({ memberId }: { memberId: number }) {
  const { t } = useTranslation();
  const [year, setYear] = useState<number | null>(null);
  const query = useMemberActivity(memberId, year);
  const first = query.firstPage;
  // The years that have entries (while another year loads, the chosen one).
  const options = [...new Set([...(first?.years ?? []), ...(year === null ? [] : [year])])].sort(
    (a, b) => b - a,
  );
  const items = query.items;

  return (
    <Card
      size="small"
      title={t('activity.title')}
      extra={
        <Select
          size="small"
          aria-label={t('activity.yearLabel')}
          value={year ?? RECENT}
          onChange={(v: number | typeof RECENT) => setYear(v === RECENT ? null : v)}
          options={[
            { value: RECENT, label: t('activity.recent') },
            ...options.map((y) => ({ value: y, label: t('activity.yearOption', { year: y }) })),
          ]}
          popupMatchSelectWidth={false}
          style={{ minWidth: 96 }}
        />
      }
    >
      {query.isError ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : query.isPending ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : (
        <Flex vertical gap={16}>
          {first?.summary && <ActivityTotals summary={first.summary} />}
          <ActivityTimeline
            items={items}
            emptyText={year === null ? t('activity.empty') : t('activity.totalsEmpty', { year })}
          />
          <LoadMoreButton
            hasMore={query.hasNextPage}
            loading={query.isFetchingNextPage}
            onLoad={query.loadMore}
          />
        </Flex>
      )}
    </Card>
  );
}
