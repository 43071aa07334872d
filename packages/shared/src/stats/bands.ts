/**
 * The bands of the member statistics (统计): age and Party age, computed from the birth year and
 * the year of joining when the figures are read, so that they stay right as years pass. Age is
 * counted by year (this year − birth year: the age reached in the year), Party age likewise
 * (this year − year joined). The age bands are the usual 统计 bands.
 */
export interface Band {
  key: string;
  name: string;
  /** Inclusive bounds in years; null for an open end. */
  from: number | null;
  to: number | null;
}

export const AGE_BANDS: readonly Band[] = [
  { key: 'le30', name: '30岁及以下', from: null, to: 30 },
  { key: '31-35', name: '31至35岁', from: 31, to: 35 },
  { key: '36-40', name: '36至40岁', from: 36, to: 40 },
  { key: '41-45', name: '41至45岁', from: 41, to: 45 },
  { key: '46-50', name: '46至50岁', from: 46, to: 50 },
  { key: '51-55', name: '51至55岁', from: 51, to: 55 },
  { key: '56-60', name: '56至60岁', from: 56, to: 60 },
  { key: 'ge61', name: '61岁及以上', from: 61, to: null },
];

export const PARTY_AGE_BANDS: readonly Band[] = [
  { key: 'lt5', name: '不满5年', from: null, to: 4 },
  { key: '5-10', name: '5至10年', from: 5, to: 10 },
  { key: '11-20', name: '11至20年', from: 11, to: 20 },
  { key: '21-30', name: '21至30年', from: 21, to: 30 },
  { key: 'gt30', name: '30年以上', from: 31, to: null },
];

/** The band of a number of years (an age or a Party age); the last band past every bound. */
export function bandOf(bands: readonly Band[], years: number): Band {
  return (
    bands.find((b) => (b.from === null || years >= b.from) && (b.to === null || years <= b.to)) ??
    (bands[bands.length - 1] as Band)
  );
}

/** Key and name of the rows of members whose year is not known (no birth date). */
export const UNKNOWN_KEY = 'unknown';
export const UNKNOWN_NAME = '未填';
