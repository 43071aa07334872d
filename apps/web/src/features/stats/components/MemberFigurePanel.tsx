import type { StatsMemberDimension, StatsMemberRow } from '@ningxin/shared';
import { useQuery } from '@tanstack/react-query';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { EChart } from '../../../components/EChart';
import { LoadError } from '../../../components/LoadError';
import { memberListLink, statsApi, statsKeys } from '../stats.api';
import { ExportButton } from './ExportButton';
import { FigureTable } from './FigureTable';

/**
 * One member figure: a bar chart (or a pie for a few groups) and the table behind it; each row's
 * number links to the member list with the same filter where the list has one.
 */
export function MemberFigurePanel({
  by,
  chart = 'bar',
}: {
  by: StatsMemberDimension;
  chart?: 'bar' | 'pie';
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const title = t(`stats.by.${by}`);
  const figures = useQuery({ queryKey: statsKeys.members(by), queryFn: () => statsApi.members(by) });
  const rows = figures.data?.rows ?? [];
  const option =
    chart === 'pie'
      ? {
          tooltip: { trigger: 'item' },
          series: [
            {
              type: 'pie',
              radius: ['35%', '65%'],
              label: { formatter: '{b}\n{c}' },
              data: rows.map((r) => ({ name: r.name, value: r.count })),
            },
          ],
        }
      : {
          grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
          tooltip: { trigger: 'axis' },
          xAxis: { type: 'value', minInterval: 1 },
          yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.name) },
          series: [
            {
              type: 'bar',
              data: rows.map((r) => r.count),
              barMaxWidth: 28,
              label: { show: true, position: 'right' },
            },
          ],
        };
  return (
    <Card
      size="small"
      title={title}
      data-testid={`stats-members-${by}`}
      extra={<ExportButton href={statsApi.membersExportUrl(by)} label={title} />}
    >
      {figures.isError ? (
        <LoadError error={figures.error} onRetry={() => void figures.refetch()} />
      ) : (
        <>
          {figures.data && !rows.length ? null : (
            <EChart
              ariaLabel={title}
              height={Math.max(200, Math.min(rows.length, 17) * 22 + 40)}
              option={option}
              onItemClick={(i) => {
                const filter = rows[i]?.filter;
                if (filter) navigate(memberListLink(filter));
              }}
            />
          )}
          <FigureTable<StatsMemberRow>
            rowLabel={title}
            rows={rows}
            loading={figures.isPending}
            height={240}
            total={figures.data ? { count: figures.data.total } : undefined}
            columns={[
              {
                key: 'count',
                title: t('stats.count'),
                value: (r) => r.count,
                totalTestId: `stats-total-${by}`,
                render: (r, text) =>
                  r.filter ? (
                    <Link to={memberListLink(r.filter)} data-testid={`stats-link-${by}-${r.key}`}>
                      {text}
                    </Link>
                  ) : (
                    text
                  ),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
