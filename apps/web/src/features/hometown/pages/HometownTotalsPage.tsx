import type { LedgerFigures, TotalsResponse } from '@ningxin/shared';
import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Segmented, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../../components/EChart';
import { LoadError } from '../../../components/LoadError';
import { HometownFilters } from '../components/HometownFilters';
import { type Grouping, groupRows } from '../groupTotals';
import { hometownApi, hometownKeys, type TotalsFilters } from '../hometown.api';
import { wan, yuan } from '../money';

type Row = TotalsResponse['rows'][number];
/** 服务家乡总览: the ledgers' totals by county and year in the user's scope, with a trend line. */
export function HometownTotalsPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<TotalsFilters>({});
  const [grouping, setGrouping] = useState<Grouping>('county');
  const totals = useQuery({
    queryKey: hometownKeys.totals(filters),
    queryFn: () => hometownApi.totals(filters),
  });
  const n = (v: number) => v.toLocaleString('zh-CN');
  // One list of figures makes both the columns and the total row.
  const figures: { key: string; title: string; value: (f: LedgerFigures) => string }[] = [
    { key: 'projects', title: t('hometown.totals.projects'), value: (f) => n(f.projects) },
    { key: 'signed', title: t('hometown.totals.signed'), value: (f) => wan(f.signedFen) },
    { key: 'actual', title: t('hometown.totals.actual'), value: (f) => wan(f.actualFen) },
    { key: 'output', title: t('hometown.totals.output'), value: (f) => wan(f.outputFen) },
    { key: 'tax', title: t('hometown.totals.tax'), value: (f) => wan(f.taxFen) },
    { key: 'jobs', title: t('hometown.totals.jobs'), value: (f) => n(f.jobs) },
    { key: 'funds', title: t('hometown.totals.funds'), value: (f) => yuan(f.fundsFen) },
    { key: 'goods', title: t('hometown.totals.goods'), value: (f) => yuan(f.goodsFen) },
    { key: 'personTimes', title: t('hometown.totals.personTimes'), value: (f) => n(f.personTimes) },
  ];
  const columns: TableColumnsType<Row> = [
    ...(grouping !== 'year'
      ? [
          {
            key: 'county',
            title: t('hometown.county'),
            render: (_: unknown, r: Row) => r.county.name,
            fixed: 'left' as const,
          },
        ]
      : []),
    ...(grouping !== 'county'
      ? [
          {
            key: 'year',
            title: t('hometown.year'),
            render: (_: unknown, r: Row) => (r.year === null ? t('hometown.unsigned') : r.year),
          },
        ]
      : []),
    ...figures.map((f) => ({
      key: f.key,
      title: f.title,
      align: 'right' as const,
      render: (_: unknown, r: Row) => f.value(r),
    })),
  ];
  const data = totals.data;
  // The trend: signed investment by year, summed over the counties shown.
  const byYear = new Map<number, number>();
  for (const r of data?.rows ?? [])
    if (r.year !== null) byYear.set(r.year, (byYear.get(r.year) ?? 0) + r.signedFen);
  const years = [...byYear.keys()].sort((a, b) => a - b);

  return (
    <Flex vertical gap={16} className="nx-page">
      <Typography.Title level={2} className="nx-page-title" style={{ margin: 0 }}>
        {t('hometown.totals.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('hometown.totals.help')}</Typography.Text>
      <Flex gap={8} wrap>
        <HometownFilters
          countyCode={filters.countyCode}
          year={filters.year}
          onChange={(patch) => setFilters({ ...filters, ...patch })}
        />
        <Segmented<Grouping>
          aria-label={t('hometown.totals.groupBy')}
          value={grouping}
          onChange={setGrouping}
          options={[
            { value: 'county', label: t('hometown.totals.byCounty') },
            { value: 'year', label: t('hometown.totals.byYear') },
            { value: 'both', label: t('hometown.totals.byBoth') },
          ]}
        />
      </Flex>
      {totals.isError ? (
        <LoadError error={totals.error} onRetry={() => void totals.refetch()} />
      ) : (
        <>
          <Card size="small">
            <Table<Row>
              rowKey={(r) => `${r.county.code}/${r.year}`}
              data-testid="hometown-totals"
              columns={columns}
              dataSource={groupRows(data?.rows ?? [], grouping)}
              loading={totals.isPending}
              pagination={false}
              size="small"
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('hometown.totals.empty') }}
              summary={() =>
                data ? (
                  <Table.Summary fixed>
                    <Table.Summary.Row data-testid="hometown-totals-total">
                      <Table.Summary.Cell index={0} colSpan={grouping === 'both' ? 2 : 1}>
                        <strong>{t('hometown.total')}</strong>
                      </Table.Summary.Cell>
                      {figures.map((f, i) => (
                        <Table.Summary.Cell
                          index={i + (grouping === 'both' ? 2 : 1)}
                          key={f.key}
                          align="right"
                        >
                          <strong data-testid={`hometown-total-${f.key}`}>{f.value(data.total)}</strong>
                        </Table.Summary.Cell>
                      ))}
                    </Table.Summary.Row>
                  </Table.Summary>
                ) : null
              }
            />
          </Card>
          {years.length > 1 ? (
            <Card size="small" title={t('hometown.totals.chart')}>
              <EChart
                ariaLabel={t('hometown.totals.chart')}
                height={240}
                option={{
                  grid: { left: 60, right: 16, top: 16, bottom: 28 },
                  tooltip: { trigger: 'axis' },
                  xAxis: { type: 'category', data: years.map(String) },
                  yAxis: { type: 'value' },
                  series: [
                    {
                      type: 'line',
                      smooth: true,
                      data: years.map((y) => Math.round((byYear.get(y) ?? 0) / 1_000_000)),
                    },
                  ],
                }}
              />
            </Card>
          ) : null}
          <Card size="small" title={t('hometown.totals.byPurpose')}>
            <Table
              rowKey={(r) => `${r.purpose}/${r.year}`}
              dataSource={data?.byPurpose ?? []}
              loading={totals.isPending}
              pagination={false}
              size="small"
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('hometown.totals.empty') }}
              columns={[
                { title: t('hometown.year'), dataIndex: 'year' },
                { title: t('hometown.donations.col.purpose'), dataIndex: 'purposeLabel' },
                { title: t('hometown.totals.donations'), dataIndex: 'donations', align: 'right' },
                {
                  title: t('hometown.donations.col.amount'),
                  align: 'right',
                  render: (_, r) => yuan(r.amountFen),
                },
              ]}
            />
          </Card>
        </>
      )}
    </Flex>
  );
}
