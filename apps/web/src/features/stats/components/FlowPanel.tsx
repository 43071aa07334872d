import type { StatsFlowResponse } from '@ningxin/shared';
import { useQuery } from '@tanstack/react-query';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../../components/EChart';
import { LoadError } from '../../../components/LoadError';
import { statsApi, statsKeys } from '../stats.api';
import { ExportButton } from './ExportButton';
import { FigureTable } from './FigureTable';

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
          <FigureTable<StatsFlowResponse['rows'][number]>
            rowLabel={t('stats.flow.month')}
            rows={rows}
            loading={flow.isPending}
            total={flow.data?.total}
            columns={KINDS.map((k) => ({ key: k, title: t(`stats.flow.${k}`), value: (r) => r[k] }))}
          />
        </>
      )}
    </Card>
  );
}
