import Piscina from 'piscina';
import { BUILT } from './entry-file';

/**
 * Worker threads for pure, costly per-row work (encryption, keyed hashes, pinyin, COPY text) on
 * piscina. Threads start with the first task and stop after ten idle minutes; `close` ends them
 * (the app does so at shutdown). From the sources the module is TypeScript: worker-entry.mjs loads
 * it through tsx; the built server's module is JavaScript and is the thread's file itself.
 */
export interface WorkerPool<Task, Result> {
  run(task: Task): Promise<Result>;
  /** How many threads the pool may run. */
  readonly threads: number;
  close(): Promise<void>;
}

/**
 * A pool of `threads` threads running the default export of `module` (a `file:` URL) on each task.
 * `data` reaches every thread as `workerData.data` (secrets too: it is never logged or sent on).
 */
export function createWorkerPool<Task, Result>(opts: {
  module: URL;
  threads: number;
  data?: unknown;
}): WorkerPool<Task, Result> {
  if (opts.threads < 1) throw new Error('A worker pool needs at least one thread');
  const pool = new Piscina({
    filename: BUILT ? opts.module.href : new URL('./worker-entry.mjs', import.meta.url).href,
    minThreads: 0,
    maxThreads: opts.threads,
    idleTimeout: 10 * 60_000,
    workerData: { module: opts.module.href, data: opts.data },
  });
  let closed: Promise<void> | null = null;
  return {
    threads: opts.threads,
    run: (task) => pool.run(task) as Promise<Result>,
    close() {
      closed ??= pool.destroy();
      return closed;
    },
  };
}

/**
 * The pools of the app's per-row work, one per worker module, each of `threads` threads, made at
 * their first use; each thread gets the master key and suite to build its own FieldCrypto (the
 * main thread's cannot be handed over). No pool (`pool` gives null) when `threads` is 0.
 */
export interface CryptoWorkers {
  pool<Task, Result>(module: URL): WorkerPool<Task, Result> | null;
  close(): Promise<void>;
}

/** What a crypto worker finds in `workerData.data`. */
export interface CryptoWorkerData {
  masterKey: Uint8Array;
  suite: 'standard' | 'sm';
}

export function cryptoWorkers(masterKey: Buffer, suite: 'standard' | 'sm', threads: number): CryptoWorkers {
  const pools = new Map<string, WorkerPool<unknown, unknown>>();
  const data: CryptoWorkerData = { masterKey: new Uint8Array(masterKey), suite };
  return {
    pool<Task, Result>(module: URL) {
      if (threads < 1) return null;
      let pool = pools.get(module.href);
      if (!pool) {
        pool = createWorkerPool({ module, threads, data });
        pools.set(module.href, pool);
      }
      return pool as WorkerPool<Task, Result>;
    },
    async close() {
      await Promise.all([...pools.values()].map((p) => p.close()));
      pools.clear();
    },
  };
}

/** No worker threads: everything runs in the calling thread. */
export const noCryptoWorkers: CryptoWorkers = { pool: () => null, close: async () => {} };
