import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { type CSSProperties, useEffect, useRef } from 'react';

// Only the parts the pages use, so each page's bundle stays small (STACK.md: import from echarts/core).
echarts.use([LineChart, GridComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);
// The statistics (统计): bars, pies and a legend.
echarts.use([BarChart]);
echarts.use([PieChart]);
echarts.use([LegendComponent]);

export type EChartOption = echarts.EChartsCoreOption;

/**
 * A chart drawn by ECharts (SVG renderer: crisp on a phone, Chinese in the page's font), sized by
 * its container and redrawn when the container or the option changes.
 */
export function EChart({
  option,
  height = 300,
  ariaLabel,
  style,
}: {
  option: EChartOption;
  height?: number;
  ariaLabel: string;
  style?: CSSProperties;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const instance = echarts.init(el, undefined, { renderer: 'svg' });
    chart.current = instance;
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={ref} role="img" aria-label={ariaLabel} style={{ width: '100%', height, ...style }} />;
}
