import { buildApp } from '../../apps/server/src/app';
import { loadConfig } from '../../apps/server/src/config';
import { DEMO_PASSWORD } from './http';
import { BENCH_USERS, type Op } from './ops';
import { type Latency, latencyOf, timeConcurrent, timeSerial } from './stats';
import type { DirectStore, Statement } from './store';

/**
 * The session check every request makes is the API's overhead, not the operation's: its lookup
 * runs as a named statement outside the ORM (never recorded); its occasional touch is left out here.
 */
const SESSION_SQL = /update "sessions"/;

export interface RawResult {
  /** The statements one request of the operation runs, in order (first probe). */
  statements: string[];
  latency: Latency;
  /** Requests' statements completed a second by `concurrency` callers on the driver's pool. */
  throughput: number;
}

/**
 * Runs each operation once through an in-process server on `direct`, records the SQL it sends
 * (the session check left out), then times those same statements on the bare driver, one after
 * another, `n` times, rotating through the operation's probes like the load does; then
 * `concurrent.connections` callers at once for `concurrent.seconds`, as the API's concurrent load.
 */
export async function rawSqlTimes(
  direct: DirectStore,
  env: Record<string, string>,
  ops: Op[],
  n: number,
  concurrent: { connections: number; seconds: number },
): Promise<Map<string, RawResult>> {
  const config = loadConfig({ ...process.env, ...env, LOG_LEVEL: 'silent', SEED_DEMO: 'false' });
  const app = await buildApp(config, direct.store);
  const cookies = new Map<string, string>();
  for (const user of BENCH_USERS) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: user, password: DEMO_PASSWORD },
    });
    if (res.statusCode !== 200) throw new Error(`login ${user}: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies[0];
    cookies.set(user, `${cookie!.name}=${cookie!.value}`);
  }

  const results = new Map<string, RawResult>();
  for (const op of ops) {
    if (op.group === 'login' || op.group === 'session') continue;
    const perRequest: Statement[][] = [];
    for (const r of op.requests) {
      direct.recorded.length = 0;
      direct.recording = true;
      const res = await app.inject({
        method: r.method,
        url: r.path,
        headers: { cookie: cookies.get(op.user)! },
      });
      direct.recording = false;
      if (res.statusCode !== 200) throw new Error(`${op.id} ${r.path}: ${res.statusCode} ${res.body}`);
      perRequest.push(direct.recorded.filter((s) => !SESSION_SQL.test(s.text)));
    }
    let i = 0;
    const request = async () => {
      const statements = perRequest[i++ % perRequest.length]!;
      for (const s of statements) await direct.query(s.text, s.params);
    };
    const samples = await timeSerial(request, n);
    const throughput = await timeConcurrent(request, concurrent.connections, concurrent.seconds);
    results.set(op.id, {
      statements: perRequest[0]!.map((s) => s.text),
      latency: latencyOf(samples),
      throughput,
    });
  }
  await app.close();
  return results;
}
