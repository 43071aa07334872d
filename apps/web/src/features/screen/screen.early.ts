import type { ScreenResponse } from '@ningxin/shared';
import { screenApi, tokenFromHash } from './screen.api';

/**
 * What the screen waits for, asked for the moment its route opens: the screen answer and the two
 * outlines come over the network while the page's chunk (ECharts with it) is still loading and
 * being parsed, rather than after it has run. Its own small chunk, loaded beside the page's (so
 * the app's first chunk does not carry the screen's contract).
 */

/** The two outlines the screen draws, by the name the map series use. */
export const SCREEN_MAPS = {
  beijing: '/maps/beijing.geo.json',
  zhangjiakou: '/maps/zhangjiakou.geo.json',
} as const;

let outlines: Promise<[string, unknown][]> | null = null;

/** The outlines as GeoJSON, fetched once per page load (a failed fetch is tried again at the next call). */
export function fetchOutlines(): Promise<[string, unknown][]> {
  outlines ??= Promise.all(
    Object.entries(SCREEN_MAPS).map(async ([name, url]): Promise<[string, unknown]> => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`map ${name}: ${response.status}`);
      return [name, await response.json()];
    }),
  ).catch((error: unknown) => {
    outlines = null;
    throw error;
  });
  return outlines;
}

let early: { token: string | null; answer: Promise<ScreenResponse> } | null = null;
let read = false;

/** Starts the screen's reads (by the route's chunk loader), unless the page has read already. */
export function loadScreenEarly(): void {
  if (read) return;
  const token = tokenFromHash(window.location.hash);
  const answer = screenApi.screen(token);
  // Its error is the page's to show, when its first read takes it.
  answer.catch(() => undefined);
  early = { token, answer };
  fetchOutlines().catch(() => undefined);
}

/** The answer asked for when the route opened, for the page's first read only (later reads ask anew). */
export function takeEarlyAnswer(token: string | null): Promise<ScreenResponse> | null {
  const taken = early;
  early = null;
  read = true;
  return taken && taken.token === token ? taken.answer : null;
}
