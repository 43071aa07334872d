import { describe, expect, it } from 'vitest';
import { latencyOf } from './stats';

describe('latencyOf', () => {
  it('takes the nearest-rank median, p95 and p99 of unsorted samples', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1
    expect(latencyOf(samples)).toEqual({ n: 100, median: 50, p95: 95, p99: 99 });
  });

  it('gives the slowest sample as p99 of a short series', () => {
    expect(latencyOf([3, 1, 2])).toMatchObject({ median: 2, p95: 3, p99: 3 });
  });
});
