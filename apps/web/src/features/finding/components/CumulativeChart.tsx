import type { ProgressResponse } from '@ningxin/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, type EChartOption } from '../../../components/EChart';

/**
 * The cumulative found curve against the target line, day by day: the picture the working group
 * looks at every evening.
 */
export function CumulativeChart({ daily, target }: { daily: ProgressResponse['daily']; target: number }) {
  const { t } = useTranslation();
  const option = useMemo<EChartOption>(() => {
    const last = daily.at(-1)?.cumulative ?? 0;
    return {
      grid: { left: 56, right: 24, top: 32, bottom: 32 },
      tooltip: { trigger: 'axis' },
      xAxis: {
        type: 'category',
        data: daily.map((d) => d.day.slice(5)),
        boundaryGap: false,
        axisLabel: { color: '#8c8c8c' },
      },
      yAxis: {
        type: 'value',
        max: (v: { max: number }) => Math.max(v.max, target),
        axisLabel: { color: '#8c8c8c' },
        splitLine: { lineStyle: { color: '#f0f0f0' } },
      },
      series: [
        {
          name: t('finding.cumulative'),
          type: 'line',
          data: daily.map((d) => d.cumulative),
          showSymbol: false,
          smooth: true,
          lineStyle: { width: 3, color: '#c41d2f' },
          itemStyle: { color: '#c41d2f' },
          endLabel: {
            show: daily.length > 0,
            formatter: () => `${t('finding.cumulative')} ${last.toLocaleString()}`,
            color: '#c41d2f',
            // Below the curve's end when it is close to the target line, so the two labels do not meet.
            offset: last > target * 0.85 ? [-150, 18] : [-150, -14],
          },
          markLine: {
            symbol: 'none',
            silent: true,
            lineStyle: { type: 'dashed', color: '#faad14', width: 2 },
            label: {
              formatter: `${t('finding.targetLine')} ${target.toLocaleString()}`,
              position: 'insideEndTop',
              color: '#d48806',
            },
            data: [{ yAxis: target }],
          },
        },
      ],
    };
  }, [daily, target, t]);
  return <EChart option={option} ariaLabel={`${t('finding.cumulative')} / ${t('finding.targetLine')}`} />;
}
