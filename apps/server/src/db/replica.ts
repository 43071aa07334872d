/**
 * Reads that may lag, served by a streaming standby (DATABASE_REPLICA_URL) while it keeps up.
 *
 * `ReadRouterPool` stands where Drizzle expects a pg.Pool: a statement outside a transaction goes
 * to the standby when the monitor last found it up and within the lag limit, else to the primary;
 * a statement the standby fails on a connection error (refused, ended, timed out) is run again on
 * the primary, so the request is answered, not refused. A transaction takes a primary connection
 * (`connect`), so nothing inside one ever reaches the standby — nor does any write.
 *
 * The lag is the age of what the standby is known to hold: every tick the monitor notes the
 * primary's WAL position with the time it read it, then asks the standby how far it has replayed;
 * once the replay passes a noted position, everything committed before its time is on the
 * standby. The lag is the time since the newest such moment, counted up to the query that asks:
 * an idle primary (a position that no longer moves, at once replayed) is no lag, and a monitor
 * that stops hearing from the standby makes the lag grow past the limit by itself.
 */
import pg from 'pg';

export type ReplicaState = 'ok' | 'lagging' | 'down';

export interface ReplicaStatus {
  state: ReplicaState;
  /** How stale the standby may be (ms); null until it was first seen caught up, or when down. */
  lagMs: number | null;
  /** Lag-tolerant statements by the server that answered them. */
  served: { replica: number; primary: number };
}

export interface ReplicaOptions {
  url: string;
  /** Past this lag (ms) lag-tolerant reads go to the primary. */
  maxLagMs: number;
  poolSize: number;
}

/** How long the standby may take to accept a connection or answer the monitor. */
const REPLICA_TIMEOUT_MS = 2000;
/** The positions noted and not yet replayed that the monitor keeps (the oldest go first). */
const MAX_SAMPLES = 600;

/** A WAL position ('16/B374D848') as a number. */
export function lsnValue(lsn: string): bigint {
  const [hi, lo] = lsn.split('/');
  return (BigInt(`0x${hi}`) << 32n) + BigInt(`0x${lo}`);
}

/** Errors of the connection rather than of the statement: the standby is down or going. */
export function isConnectionError(err: unknown): boolean {
  const { code, message } = err as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (/^(08|57P0)/.test(code) || code === '53300') return true;
    if (/^E(CONNREFUSED|CONNRESET|TIMEDOUT|HOSTUNREACH|NETUNREACH|PIPE|NOTFOUND|AI_AGAIN)$/.test(code))
      return true;
  }
  return (
    typeof message === 'string' &&
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/.test(
      message,
    )
  );
}

/** No free connection in time: a busy pool as much as a standby that does not answer. */
const isConnectTimeout = (err: unknown) =>
  /timeout exceeded when trying to connect/.test(String((err as { message?: unknown }).message));

/** A standby cancels a read whose rows its replay must remove (40001, a recovery conflict). */
const isRecoveryConflict = (err: unknown) => (err as { code?: unknown }).code === '40001';

/**
 * Routes Drizzle's statements (`query`) between the standby and the primary. Drizzle takes it
 * for a pool by its name and runs a transaction on the connection `connect` gives: the primary's.
 */
export class ReadRouterPool {
  constructor(
    private readonly primary: pg.Pool,
    private readonly replica: pg.Pool,
    private readonly router: {
      usable(): boolean;
      lost(err: unknown): void;
      served(by: 'replica' | 'primary'): void;
    },
  ) {}

  async query(statement: string | pg.QueryConfig, values?: unknown[]): Promise<pg.QueryResult> {
    if (this.router.usable()) {
      try {
        const result = await this.replica.query(statement, values);
        this.router.served('replica');
        return result;
      } catch (err) {
        // Run again on the primary: a statement the standby could not answer (a lost or refused
        // connection: down until the monitor hears from it again; no connection in time: the
        // monitor decides; a recovery conflict: this statement only). Any other error is the
        // statement's own and would fail on the primary too.
        if (!isConnectionError(err) && !isRecoveryConflict(err)) throw err;
        if (isConnectionError(err) && !isConnectTimeout(err)) this.router.lost(err);
      }
    }
    const result = await this.primary.query(statement, values);
    this.router.served('primary');
    return result;
  }

  connect(): Promise<pg.PoolClient> {
    return this.primary.connect();
  }
}

export interface Replica {
  pool: ReadRouterPool;
  status(): ReplicaStatus;
  close(): Promise<void>;
}

/** Opens the standby's pool and starts its monitor; reads go to the primary until it reports. */
export function openReplica(
  primary: pg.Pool,
  primaryUrl: string,
  options: ReplicaOptions,
  log: (line: string) => void,
): Replica {
  const replica = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize,
    connectionTimeoutMillis: REPLICA_TIMEOUT_MS,
  });
  // The monitor's own connections (one to each server), so that busy pools never delay a tick.
  const probe = (connectionString: string) =>
    new pg.Pool({ connectionString, max: 1, connectionTimeoutMillis: REPLICA_TIMEOUT_MS });
  const primaryProbe = probe(primaryUrl);
  const replicaProbe = probe(options.url);
  // A standby that stops ends its connections: not a reason to end the process.
  for (const pool of [replica, primaryProbe, replicaProbe]) {
    pool.on('error', () => undefined);
    pool.on('connect', (client) => client.on('error', () => undefined));
  }

  let up = false;
  /** When the standby last held everything the primary had (ms since the epoch). */
  let caughtUpAt: number | null = null;
  const pending: { at: number; lsn: bigint }[] = [];
  const served = { replica: 0, primary: 0 };

  const lagMs = () => (up && caughtUpAt !== null ? Math.max(0, Date.now() - caughtUpAt) : null);
  const state = (): ReplicaState => {
    if (!up) return 'down';
    const lag = lagMs();
    return lag === null || lag > options.maxLagMs ? 'lagging' : 'ok';
  };
  const setUp = (value: boolean, why?: unknown) => {
    if (value === up) return;
    up = value;
    const code = (why as { code?: string } | undefined)?.code ?? (why as Error | undefined)?.message;
    log(value ? 'database replica up' : `database replica down: ${code ?? 'no answer'}`);
  };

  async function tick(): Promise<void> {
    let at: number;
    let primaryLsn: bigint;
    try {
      at = Date.now();
      const { rows } = await withTimeout(
        primaryProbe.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn'),
        REPLICA_TIMEOUT_MS,
      );
      primaryLsn = lsnValue(rows[0]!.lsn);
    } catch {
      return; // the primary is unreachable: no new position, the lag grows
    }
    let replayed: string | null;
    try {
      const { rows } = await withTimeout(
        replicaProbe.query<{ replayed: string | null }>('select pg_last_wal_replay_lsn()::text as replayed'),
        REPLICA_TIMEOUT_MS,
      );
      replayed = rows[0]!.replayed;
    } catch (err) {
      setUp(false, err);
      return;
    }
    // Not in recovery (promoted, or not a standby at all): its rows are not the primary's.
    if (replayed === null) return setUp(false, new Error('not a standby'));
    setUp(true);
    pending.push({ at, lsn: primaryLsn });
    const position = lsnValue(replayed);
    while (pending[0] && pending[0].lsn <= position) caughtUpAt = pending.shift()!.at;
    if (pending.length > MAX_SAMPLES) pending.splice(0, pending.length - MAX_SAMPLES);
  }

  // A tick every second at most, several within the limit; never two at once.
  const interval = Math.min(1000, Math.max(50, Math.floor(options.maxLagMs / 4)));
  let running: Promise<void> | null = tick().finally(() => {
    running = null;
  });
  const timer = setInterval(() => {
    running ??= tick().finally(() => {
      running = null;
    });
  }, interval);
  timer.unref();

  const router = {
    usable: () => state() === 'ok',
    lost(err: unknown) {
      setUp(false, err);
    },
    served(by: 'replica' | 'primary') {
      served[by]++;
    },
  };
  return {
    pool: new ReadRouterPool(primary, replica, router),
    status: () => ({ state: state(), lagMs: lagMs(), served: { ...served } }),
    async close() {
      clearInterval(timer);
      await running;
      await Promise.all([replica.end(), primaryProbe.end(), replicaProbe.end()]);
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), ms);
  });
  promise.catch(() => undefined);
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
