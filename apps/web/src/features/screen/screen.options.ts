import type { ScreenResponse } from '@ningxin/shared';
import type { EChartOption } from '../../components/EChart';

/** The screen's chart styles on its dark ground. */
export const AXIS = { color: '#a9bbd8', fontSize: 14 };
export const SPLIT = { lineStyle: { color: 'rgba(64,140,255,0.15)' } };

/** The series of a map: every district or county of the outline, labelled with its number. */
export function mapOption(
  map: string,
  areas: ScreenResponse['byDistrict'],
  fontFamily: string,
  name: string,
): EChartOption {
  const max = Math.max(1, ...areas.map((a) => a.count));
  return {
    textStyle: { fontFamily },
    tooltip: { trigger: 'item' },
    visualMap: {
      type: 'continuous',
      min: 0,
      max,
      left: 12,
      bottom: 12,
      itemHeight: 100,
      calculable: false,
      inRange: { color: ['#12305e', '#2f6fd0', '#ffb340', '#e8412c'] },
      textStyle: { color: '#a9bbd8', fontFamily },
    },
    series: [
      {
        type: 'map',
        map,
        name,
        roam: false,
        layoutCenter: ['54%', '50%'],
        layoutSize: '100%',
        itemStyle: { borderColor: '#7fb2ff', borderWidth: 1, areaColor: '#0d2550' },
        emphasis: { label: { color: '#fff' }, itemStyle: { areaColor: '#ffd666' } },
        label: {
          show: true,
          color: '#ffffff',
          fontSize: 12,
          fontFamily,
          textBorderColor: '#020817',
          textBorderWidth: 2,
          formatter: (p: { name: string; value: unknown }) =>
            `${p.name}\n${typeof p.value === 'number' && Number.isFinite(p.value) ? p.value : 0}`,
        },
        data: areas.map((a) => ({ name: a.name, value: a.count })),
      },
    ],
  };
}
