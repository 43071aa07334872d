import { localIsoDate } from '@ningxin/shared';
import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Flex, List, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../components/LoadError';
import { PageSpinner } from '../../../components/PageSpinner';
import { HoursBySource } from '../components/HoursBySource';
import { studyApi, studyKeys } from '../study.api';

/** 我的学时 (phone first): my hours of the year against the requirement, by source, and every entry. */
export function MyStudyPage() {
  const { t } = useTranslation();
  const thisYear = Number(localIsoDate(new Date()).slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const mine = useQuery({ queryKey: studyKeys.mine(year), queryFn: () => studyApi.mine(year) });
  return (
    <Flex vertical gap={12} className="nx-page" data-testid="my-study">
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
          {t('study.mine.title')}
        </Typography.Title>
        <Select<number>
          aria-label={t('study.year')}
          style={{ width: 100 }}
          value={year}
          onChange={setYear}
          options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: `${y} 年` }))}
        />
      </Flex>
      {mine.isPending ? (
        <PageSpinner />
      ) : mine.isError ? (
        <LoadError error={mine.error} onRetry={() => void mine.refetch()} />
      ) : (
        <>
          <Card size="small">
            <HoursBySource data={mine.data} />
          </Card>
          <Card size="small" title={t('study.entries')}>
            {mine.data.entries.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('study.noEntries')} />
            ) : (
              <List
                size="small"
                dataSource={mine.data.entries}
                renderItem={(e) => (
                  <List.Item extra={t('study.hoursUnit', { hours: e.hours })}>
                    <List.Item.Meta title={e.title} description={`${e.occurredOn} · ${e.sourceLabel}`} />
                  </List.Item>
                )}
              />
            )}
          </Card>
        </>
      )}
    </Flex>
  );
}
