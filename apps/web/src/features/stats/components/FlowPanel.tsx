import { useQuery } from '@tanstack/react-query';
import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../../components/EChart';
import { LoadError } from '../../../components/LoadError';
import { statsApi, statsKeys } from '../stats.api';
import { ExportButton } from './ExportButton';

const KINDS = ['created', 'found', 'transferredOut', 'lost', 'restored'] as const;

/** The year's member flow by month: new records (of them found), transferred out, lost, restored. */
export function FlowPanel({ year }: { year: number }) {
  const { t } = useTranslation();
  const title = t('stats.flow.title', { year });
  const flow = useQuery({ queryKey: statsKeys.flow(year), queryFn: () => statsApi.flow(year) });
  const rows = flow.data?.rows ?? [];
  return (
    <Card
      size="small"
      title={title}
      extra={<ExportButton href={statsApi.flowExportUrl(year)} label={title} />}
    >
      {flow.isError ? (
        <LoadError error={flow.error} onRetry={() => void flow.refetch()} />
      ) : (
        <>
          <EChart
            ariaLabel={title}
            height={260}
            option={{
              grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
              tooltip: { trigger: 'axis' },
              legend: { top: 0 },
              xAxis: { type: 'category', data: rows.map((r) => r.name) },
              yAxis: { type: 'value' },
              series: KINDS.map((k) => ({
                type: 'line',
                name: t(`stats.flow.${k}`),
                data: rows.map((r) => r[k]),
              })),
            }}
          />
          <Table
            rowKey="key"
            size="small"
            loading={flow.isPending}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 'max-content' }}
            columns={[
              { key: 'name', title: t('stats.flow.month'), dataIndex: 'name' },
              ...KINDS.map((k) => ({
                key: k,
                title: t(`stats.flow.${k}`),
                dataIndex: k,
                align: 'right' as const,
              })),
            ]}
            summary={() =>
              flow.data ? (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>
                    <strong>{t('stats.total')}</strong>
                  </Table.Summary.Cell>
                  {KINDS.map((k, i) => (
                    <Table.Summary.Cell key={k} index={i + 1} align="right">
                      <strong>{flow.data.total[k]}</strong>
                    </Table.Summary.Cell>
                  ))}
                </Table.Summary.Row>
              ) : null
            }
          />
        </>
      )}
    </Card>
  );
}
