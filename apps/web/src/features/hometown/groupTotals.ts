import type { LedgerFigures, TotalsResponse } from '@ningxin/shared';

type Row = TotalsResponse['rows'][number];
export type Grouping = 'county' | 'year' | 'both';

const FIGURE_KEYS = [
  'projects',
  'signedFen',
  'actualFen',
  'outputFen',
  'taxFen',
  'jobs',
  'donations',
  'fundsFen',
  'goodsFen',
  'placements',
  'personTimes',
] as const satisfies readonly (keyof LedgerFigures)[];

/**
 * The county × year rows summed by county or by year (integers: fen and counts add exactly). A
 * row by county keeps its county and no year; a row by year keeps its year and no county.
 */
export function groupRows(rows: Row[], by: Grouping): Row[] {
  if (by === 'both') return rows;
  const groups = new Map<string, Row>();
  for (const r of rows) {
    const key = by === 'county' ? r.county.code : String(r.year);
    const g = groups.get(key);
    if (!g) {
      groups.set(key, { ...r, ...(by === 'county' ? { year: null } : { county: { code: '', name: '' } }) });
      continue;
    }
    for (const k of FIGURE_KEYS) g[k] += r[k];
  }
  const list = [...groups.values()];
  return by === 'year' ? list.sort((a, b) => (a.year ?? 9999) - (b.year ?? 9999)) : list;
}
