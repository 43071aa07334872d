import type { StatsTopic, StatsTopicRow } from '@ningxin/shared';
import { useQuery } from '@tanstack/react-query';
import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../../components/EChart';
import { LoadError } from '../../../components/LoadError';
import { statsApi, statsKeys } from '../stats.api';
import { ExportButton } from './ExportButton';

const figure = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : v.toLocaleString('zh-CN');

/**
 * A domain topic: its first figure as a chart (a line for the finding curve, bars otherwise) and
 * the whole table with its total row.
 */
export function TopicPanel({ topic, year }: { topic: StatsTopic; year: number }) {
  const { t } = useTranslation();
  const answer = useQuery({
    queryKey: statsKeys.topic(topic, year),
    queryFn: () => statsApi.topic(topic, year),
  });
  const data = answer.data;
  const title = data?.title ?? t(`stats.topic.${topic}`);
  const charted = topic === 'finding' ? data?.columns[1] : data?.columns[0];
  const rows = data?.rows ?? [];
  return (
    <Card
      size="small"
      title={title}
      data-testid={`stats-topic-${topic}`}
      extra={<ExportButton href={statsApi.topicExportUrl(topic, year)} label={title} />}
    >
      {answer.isError ? (
        <LoadError error={answer.error} onRetry={() => void answer.refetch()} />
      ) : (
        <>
          {charted && rows.length ? (
            <EChart
              ariaLabel={title}
              height={260}
              option={{
                grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
                tooltip: { trigger: 'axis' },
                xAxis: { type: 'category', data: rows.map((r) => r.name) },
                yAxis: { type: 'value', name: `${charted.label}（${charted.unit}）` },
                series: [
                  {
                    type: topic === 'finding' ? 'line' : 'bar',
                    name: charted.label,
                    data: rows.map((r) => r.values[charted.key] ?? 0),
                  },
                ],
              }}
            />
          ) : null}
          <Table<StatsTopicRow>
            rowKey="key"
            size="small"
            loading={answer.isPending}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 'max-content', y: 320 }}
            locale={{ emptyText: t('stats.empty') }}
            columns={[
              { key: 'name', title: '', dataIndex: 'name', fixed: 'left' },
              ...(data?.columns ?? []).map((c) => ({
                key: c.key,
                title: `${c.label}（${c.unit}）`,
                align: 'right' as const,
                render: (_: unknown, r: StatsTopicRow) => figure(r.values[c.key]),
              })),
            ]}
            summary={() =>
              data ? (
                <Table.Summary fixed>
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0}>
                      <strong>{t('stats.total')}</strong>
                    </Table.Summary.Cell>
                    {data.columns.map((c, i) => (
                      <Table.Summary.Cell key={c.key} index={i + 1} align="right">
                        <strong>{figure(data.total[c.key])}</strong>
                      </Table.Summary.Cell>
                    ))}
                  </Table.Summary.Row>
                </Table.Summary>
              ) : null
            }
          />
        </>
      )}
    </Card>
  );
}
