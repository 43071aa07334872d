import { BarChart, MapChart } from 'echarts/charts';
import { LegendComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { fetchOutlines } from './screen.early';

// The screen's own chart parts, registered in its chunk only (EChart.tsx registers the line chart,
// grid, tooltip and the SVG renderer the pages share).
echarts.use([MapChart, BarChart, VisualMapComponent, LegendComponent]);

let loading: Promise<true> | null = null;

/** Registers the outlines once per page load (later calls share the first). */
export function registerScreenMaps(): Promise<true> {
  loading ??= fetchOutlines().then(
    (maps) => {
      for (const [name, geo] of maps)
        echarts.registerMap(name, geo as Parameters<typeof echarts.registerMap>[1]);
      return true as const;
    },
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}
