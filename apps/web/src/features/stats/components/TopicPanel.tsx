import type { StatsTopic, StatsTopicRow } from '@ningxin/shared';
import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../../components/EChart';
import { LoadError } from '../../../components/LoadError';
import { type StatsTopicBy, statsApi, statsKeys } from '../stats.api';
import { ExportButton } from './ExportButton';
import { FigureTable } from './FigureTable';

/** The groupings a topic's rows offer (the first is the server's default). */
const GROUPINGS: Partial<Record<StatsTopic, readonly StatsTopicBy[]>> = {
  volunteer: ['campaign', 'committee'],
  honours: ['level', 'committee'],
};

/** The figure charted where it is not the first column (both groupings' columns have it). */
const CHARTED: Partial<Record<StatsTopic, string>> = {
  finding: 'cumulative',
  volunteer: 'volunteers',
  honours: 'count',
};

/**
 * A domain topic: its first figure as a chart (a line for the finding curve, bars otherwise) and
 * the whole table with its total row; the volunteer and honours topics by committee too.
 */
export function TopicPanel({ topic, year }: { topic: StatsTopic; year: number }) {
  const { t } = useTranslation();
  const groupings = GROUPINGS[topic];
  const [by, setBy] = useState<StatsTopicBy | undefined>(groupings?.[0]);
  const answer = useQuery({
    queryKey: statsKeys.topic(topic, year, by),
    queryFn: () => statsApi.topic(topic, year, by),
  });
  const data = answer.data;
  const title = data?.title ?? t(`stats.topic.${topic}`);
  const charted = data?.columns.find((c) => c.key === CHARTED[topic]) ?? data?.columns[0];
  const rows = data?.rows ?? [];
  const charts = (charted && rows.some((r) => r.values[charted.key])) || false;
  const whole = (charted && rows.every((r) => Number.isInteger(r.values[charted.key] ?? 0))) || false;
  const emptyText = t('stats.emptyTopic', { topic: t(`stats.topic.${topic}`) });
  return (
    <Card
      size="small"
      title={title}
      data-testid={`stats-topic-${topic}`}
      extra={
        <Flex gap={8} align="center" wrap>
          {groupings && by ? (
            <Segmented<StatsTopicBy>
              size="small"
              aria-label={t('stats.groupBy')}
              value={by}
              onChange={setBy}
              options={groupings.map((g) => ({ value: g, label: t(`stats.grouping.${g}`) }))}
            />
          ) : null}
          <ExportButton href={statsApi.topicExportUrl(topic, year, by)} label={title} />
        </Flex>
      }
    >
      {answer.isError ? (
        <LoadError error={answer.error} onRetry={() => void answer.refetch()} />
      ) : (
        <>
          {data && rows.length && !charts ? (
            <Typography.Paragraph type="secondary" data-testid={`stats-topic-${topic}-empty`}>
              {emptyText}
            </Typography.Paragraph>
          ) : null}
          {charted && charts ? (
            <EChart
              ariaLabel={title}
              height={260}
              option={{
                grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
                tooltip: { trigger: 'axis' },
                xAxis: {
                  type: 'category',
                  data: rows.map((r) => r.name),
                  axisLabel: {
                    interval: 0,
                    rotate: rows.length > 6 ? 30 : 0,
                    width: 120,
                    overflow: 'truncate',
                  },
                },
                yAxis: {
                  type: 'value',
                  name: `${charted.label}（${charted.unit}）`,
                  ...(whole ? { minInterval: 1 } : {}),
                },
                series: [
                  {
                    type: topic === 'finding' ? 'line' : 'bar',
                    name: charted.label,
                    data: rows.map((r) => r.values[charted.key] ?? 0),
                    barMaxWidth: 48,
                  },
                ],
              }}
            />
          ) : null}
          <FigureTable<StatsTopicRow>
            rowLabel={data?.rowLabel ?? ''}
            rows={rows}
            loading={answer.isPending}
            height={320}
            total={data?.total}
            emptyText={emptyText}
            columns={(data?.columns ?? []).map((c) => ({
              key: c.key,
              title: `${c.label}（${c.unit}）`,
              value: (r) => r.values[c.key],
            }))}
          />
        </>
      )}
    </Card>
  );
}
