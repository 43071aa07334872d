import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { type CSSProperties, useEffect, useRef } from 'react';

// Only the parts the pages use, so each page's bundle stays small (STACK.md: import from echarts/core).
echarts.use([
  LineChart,
  BarChart,
  PieChart,
  GridComponent,
  MarkLineComponent,
  TooltipComponent,
  LegendComponent,
]);
echarts.use([SVGRenderer]);

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
  onItemClick,
}: {
  option: EChartOption;
  height?: number;
  ariaLabel: string;
  style?: CSSProperties;
  /** A bar, slice or point clicked: its index in the series' data (e.g. to open the list behind it). */
  onItemClick?: (dataIndex: number) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  // The latest handler, read at click time: a new function each render needs no new listener.
  const clicked = useRef(onItemClick);
  clicked.current = onItemClick;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const instance = echarts.init(el, undefined, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (params) => {
      if (typeof params.dataIndex === 'number') clicked.current?.(params.dataIndex);
    });
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
