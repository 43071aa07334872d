import type { OpGroup } from './ops';

/** The targets of the benchmark issue, per store (2 cores). */
export interface Targets {
  p95Ms: Partial<Record<OpGroup, number>>;
  listThroughput: number;
  apiToSqlRatio: number;
  import100kSeconds?: number;
  rssMb: number;
}

export const TARGETS: Record<'pglite' | 'postgres', Targets> = {
  pglite: {
    p95Ms: { search: 10, list: 10, counts: 20, stats: 50 },
    listThroughput: 500,
    apiToSqlRatio: 2,
    rssMb: 400,
  },
  postgres: {
    p95Ms: { search: 15, list: 10, counts: 50, stats: 50 },
    listThroughput: 2000,
    apiToSqlRatio: 1.5,
    import100kSeconds: 15,
    rssMb: 250,
  },
};
