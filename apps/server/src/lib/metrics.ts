/**
 * The service's measurements for Prometheus (served at /metrics when METRICS_TOKEN is set).
 * One registry per app, so that several apps in one process (tests, the CLI) never share or
 * collide. Labels are bounded sets: a route's pattern (never the URL as requested), a status,
 * a problem code, a job's name — never an id, a query string or anything about a person.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { ReplicaStatus } from '../db/replica';

/** The pool's connections (PostgreSQL); the embedded store has one connection and no pool. */
export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

export interface MetricsOptions {
  /** Adds the process metrics (CPU, memory, event loop, GC); only for an app that serves them. */
  processMetrics?: boolean;
  /** Read at each scrape: the database pool (absent on PGlite). */
  poolStats?: () => PoolStats;
  /** Read at each scrape: the streaming standby (only when DATABASE_REPLICA_URL is set). */
  replicaStatus?: () => ReplicaStatus;
}

export type ImportOutcome = 'staged' | 'committed' | 'rejected' | 'failed';

export interface Metrics {
  registry: Registry;
  /** Records one answered request: its route pattern, method, status, time taken, problem code. */
  observeRequest(r: { method: string; route: string; status: number; seconds: number; code?: string }): void;
  /** Records one job run (scheduled or by hand) and how it ended. */
  observeJob(job: string, outcome: 'succeeded' | 'failed', seconds: number): void;
  /** Records one member import, from the first row read to the commit or refusal. */
  observeImport(outcome: ImportOutcome, seconds: number): void;
}

/** Request time buckets (seconds): from a session lookup to an import of many rows. */
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const JOB_BUCKETS = [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300];
const IMPORT_BUCKETS = [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600];

export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  if (options.processMetrics) collectDefaultMetrics({ register: registry });

  const requestSeconds = new Histogram({
    name: 'ningxin_http_request_duration_seconds',
    help: 'Time to answer a request, by route pattern, method and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: HTTP_BUCKETS,
    registers: [registry],
  });
  const problems = new Counter({
    name: 'ningxin_http_problems_total',
    help: 'Error answers (problem+json) by route pattern, status code and problem code',
    labelNames: ['method', 'route', 'status_code', 'code'] as const,
    registers: [registry],
  });
  const jobRuns = new Counter({
    name: 'ningxin_job_runs_total',
    help: 'Job runs by job and outcome (succeeded, failed)',
    labelNames: ['job', 'outcome'] as const,
    registers: [registry],
  });
  const jobSeconds = new Histogram({
    name: 'ningxin_job_duration_seconds',
    help: 'Time a job run took, by job',
    labelNames: ['job'] as const,
    buckets: JOB_BUCKETS,
    registers: [registry],
  });
  const importSeconds = new Histogram({
    name: 'ningxin_member_import_duration_seconds',
    help: 'Time a member import took, by outcome (staged: validated and kept for its commit; committed, rejected, failed)',
    labelNames: ['outcome'] as const,
    buckets: IMPORT_BUCKETS,
    registers: [registry],
  });

  const poolStats = options.poolStats;
  if (poolStats) {
    const gauge = (name: string, help: string, read: (s: PoolStats) => number) =>
      new Gauge({
        name,
        help,
        registers: [registry],
        collect() {
          this.set(read(poolStats()));
        },
      });
    gauge('ningxin_db_pool_connections', 'Connections the database pool holds open', (s) => s.total);
    gauge(
      'ningxin_db_pool_in_use',
      'Pool connections running a query or transaction',
      (s) => s.total - s.idle,
    );
    gauge('ningxin_db_pool_waiting', 'Queries waiting for a free pool connection', (s) => s.waiting);
  }

  const replicaStatus = options.replicaStatus;
  if (replicaStatus) {
    new Gauge({
      name: 'ningxin_db_replica_lag_seconds',
      help: 'How stale the streaming standby may be (absent while it is down)',
      registers: [registry],
      collect() {
        const { lagMs } = replicaStatus();
        this.reset();
        if (lagMs !== null) this.set(lagMs / 1000);
      },
    });
    new Gauge({
      name: 'ningxin_db_replica_state',
      help: 'The standby as the lag-tolerant reads see it: 1 for its state (ok, lagging, down)',
      labelNames: ['state'] as const,
      registers: [registry],
      collect() {
        const { state } = replicaStatus();
        for (const s of ['ok', 'lagging', 'down'] as const) this.set({ state: s }, s === state ? 1 : 0);
      },
    });
    new Counter({
      name: 'ningxin_db_lag_tolerant_queries_total',
      help: 'Statements of lag-tolerant reads by the server that answered them (replica, primary)',
      labelNames: ['served_by'] as const,
      registers: [registry],
      collect() {
        const { served } = replicaStatus();
        this.reset();
        this.inc({ served_by: 'replica' }, served.replica);
        this.inc({ served_by: 'primary' }, served.primary);
      },
    });
  }

  return {
    registry,
    observeRequest({ method, route, status, seconds, code }) {
      const status_code = String(status);
      requestSeconds.observe({ method, route, status_code }, seconds);
      if (code) problems.inc({ method, route, status_code, code });
    },
    observeJob(job, outcome, seconds) {
      jobRuns.inc({ job, outcome });
      jobSeconds.observe({ job }, seconds);
    },
    observeImport(outcome, seconds) {
      importSeconds.observe({ outcome }, seconds);
    },
  };
}

/**
 * The label for a request's route: its pattern under /api (`/api/v1/members/:id`), `/metrics`,
 * `web` for the web app's pages and files, `unmatched` for an /api path no route serves.
 */
export function routeLabel(pattern: string | undefined, url: string): string {
  if (pattern === undefined) return url.startsWith('/api/') ? 'unmatched' : 'web';
  if (pattern.startsWith('/api/') || pattern === '/api' || pattern === '/metrics') return pattern;
  return 'web';
}
