import type { StatsMemberDimension, StatsMemberRow } from '@ningxin/shared';
import { useQuery } from '@tanstack/react-query';
import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { EChart } from '../../../components/EChart';
import { LoadError } from '../../../components/LoadError';
import { memberListLink, statsApi, statsKeys } from '../stats.api';
import { ExportButton } from './ExportButton';

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
          xAxis: { type: 'value' },
          yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.name) },
          series: [{ type: 'bar', data: rows.map((r) => r.count), label: { show: true, position: 'right' } }],
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
          <EChart
            ariaLabel={title}
            height={Math.max(200, Math.min(rows.length, 17) * 22 + 40)}
            option={option}
            onItemClick={(i) => {
              const filter = rows[i]?.filter;
              if (filter) navigate(memberListLink(filter));
            }}
          />
          <Table<StatsMemberRow>
            rowKey="key"
            size="small"
            loading={figures.isPending}
            dataSource={rows}
            pagination={false}
            scroll={{ y: 240 }}
            columns={[
              { key: 'name', title: title, dataIndex: 'name' },
              {
                key: 'count',
                title: t('stats.count'),
                align: 'right',
                render: (_, r) =>
                  r.filter ? (
                    <Link to={memberListLink(r.filter)} data-testid={`stats-link-${by}-${r.key}`}>
                      {r.count.toLocaleString('zh-CN')}
                    </Link>
                  ) : (
                    r.count.toLocaleString('zh-CN')
                  ),
              },
            ]}
            summary={() =>
              figures.data ? (
                <Table.Summary fixed>
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0}>
                      <strong>{t('stats.total')}</strong>
                    </Table.Summary.Cell>
                    <Table.Summary.Cell index={1} align="right">
                      <strong data-testid={`stats-total-${by}`}>
                        {figures.data.total.toLocaleString('zh-CN')}
                      </strong>
                    </Table.Summary.Cell>
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
