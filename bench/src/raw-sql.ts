import { buildApp } from '../../apps/server/src/app';
import { loadConfig } from '../../apps/server/src/config';
import { DEMO_PASSWORD } from './http';
import { BENCH_USERS, type Op } from './ops';
import { type Latency, latencyOf, timeSerial } from './stats';
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
}

/**
 * Runs each operation once through an in-process server on `direct`, records the SQL it sends
 * (the session check left out), then times those same statements on the bare driver, one after
 * another, `n` times, rotating through the operation's probes like the load does.
 */
export async function rawSqlTimes(
  direct: DirectStore,
  env: Record<string, string>,
  ops: Op[],
  n: number,
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
    const samples = await timeSerial(async () => {
      const statements = perRequest[i++ % perRequest.length]!;
      for (const s of statements) await direct.query(s.text, s.params);
    }, n);
    results.set(op.id, { statements: perRequest[0]!.map((s) => s.text), latency: latencyOf(samples) });
  }
  await app.close();
  return results;
}
