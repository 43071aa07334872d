/** Latency figures of one series of samples, in milliseconds. */
export interface Latency {
  n: number;
  median: number;
  p95: number;
  p99: number;
}

/** The q-quantile of sorted samples, by the nearest-rank method. */
function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function latencyOf(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    p99: quantile(sorted, 0.99),
  };
}

/** Times `fn` `n` times one after another (after `warmup` untimed runs); samples in ms. */
export async function timeSerial(fn: () => Promise<unknown>, n: number, warmup = 5): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return samples;
}

/**
 * Completed runs of `fn` a second with `concurrency` callers each running it again as soon as it
 * returns, for `seconds` (the bare driver's side of a concurrent load).
 */
export async function timeConcurrent(
  fn: () => Promise<unknown>,
  concurrency: number,
  seconds: number,
): Promise<number> {
  const started = performance.now();
  const until = started + seconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        await fn();
        done++;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

export const round = (v: number, digits = 2) =>
  Number.isFinite(v) ? Math.round(v * 10 ** digits) / 10 ** digits : v;
