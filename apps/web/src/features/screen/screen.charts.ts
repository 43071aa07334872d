import { BarChart, MapChart } from 'echarts/charts';
import { LegendComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';

// The screen's own chart parts, registered in its chunk only (EChart.tsx registers the line chart,
// grid, tooltip and the SVG renderer the pages share).
echarts.use([MapChart, BarChart, VisualMapComponent, LegendComponent]);

/** The two outlines the screen draws, by the name the map series use. */
export const SCREEN_MAPS = {
  beijing: '/maps/beijing.geo.json',
  zhangjiakou: '/maps/zhangjiakou.geo.json',
} as const;

let loading: Promise<true> | null = null;

/** Fetches and registers the outlines once per page load (later calls share the first). */
export function registerScreenMaps(): Promise<true> {
  loading ??= Promise.all(
    Object.entries(SCREEN_MAPS).map(async ([name, url]) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`map ${name}: ${response.status}`);
      echarts.registerMap(name, await response.json());
    }),
  ).then(
    () => true as const,
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}
