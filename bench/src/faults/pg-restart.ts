/** PostgreSQL restarted (fast) and crashed (immediate) under steady load. */
import { login } from '../http';
import { round } from '../stats';
import { call, chineseNumber, sleep, treeBranchParent } from './api';
import { count, summary, tally } from './tally';
import { dispose, pgCluster, start, target } from './target';

/** Steady load: reads (member list, org tree, session) and writes (a new org), `clients` at once. */
function steadyLoad(url: string, cookie: string, parentId: number, clients: number, timeoutMs: number) {
  let stopped = false;
  let window = tally();
  let n = 0;
  const client = async (c: number) => {
    while (!stopped) {
      const i = n++;
      const r =
        i % 4 === 3
          ? await call(
              url,
              cookie,
              'POST',
              '/api/v1/orgs',
              { parentId, name: `重启演练支部${chineseNumber(i, 6)}`, kind: 'branch' },
              timeoutMs,
            )
          : await call(
              url,
              cookie,
              'GET',
              ['/api/v1/members?limit=20', '/api/v1/orgs/tree', '/api/v1/auth/me'][i % 3]!,
              undefined,
              timeoutMs,
            );
      count(window, r);
      if (r.status === 0 && r.failure !== 'timeout') await sleep(100 + c);
    }
  };
  const running = Promise.all(Array.from({ length: clients }, (_, c) => client(c)));
  return {
    /** The tally since the last take, and a fresh one from now. */
    take() {
      const t = window;
      window = tally();
      return t;
    },
    async stop() {
      stopped = true;
      await running;
    },
  };
}

export async function pgRestart() {
  const TIMEOUT_MS = 30_000;
  const c = await pgCluster();
  const t = await target('postgres', 'pg-restart', { JOBS_ENABLED: 'true' });
  const phases: Record<string, unknown>[] = [];
  try {
    const server = await start(t);
    const office = await login(server.url, 'office');
    const { parentId } = await treeBranchParent(server.url, office);
    const load = steadyLoad(server.url, office, parentId, 10, TIMEOUT_MS);
    const phase = async (name: string, action: () => Promise<void>) => {
      const actionStarted = performance.now();
      await action();
      const actionSeconds = round((performance.now() - actionStarted) / 1000, 1);
      // Recovered: the first moment after the action at which 20 requests in a row succeed.
      const deadline = Date.now() + 60_000;
      let recoveredAfter: number | null = null;
      for (let streak = 0; Date.now() < deadline; ) {
        const r = await call(server.url, office, 'GET', '/api/v1/orgs/tree', undefined, TIMEOUT_MS);
        streak = r.status === 200 ? streak + 1 : 0;
        if (streak === 20) {
          recoveredAfter = round((performance.now() - actionStarted) / 1000, 1);
          break;
        }
        await sleep(50);
      }
      await sleep(5000);
      const during = load.take();
      phases.push({ phase: name, actionSeconds, recoveredAfterSeconds: recoveredAfter, ...summary(during) });
      console.log(JSON.stringify(phases.at(-1)));
    };
    await sleep(10_000);
    phases.push({ phase: 'steady (10 s)', ...summary(load.take()) });
    console.log(JSON.stringify(phases.at(-1)));
    await phase('pg_ctl restart -m fast', () => c.restart('fast'));
    await phase('pg_ctl stop -m immediate, 5 s down, start', async () => {
      await c.stop('immediate');
      await sleep(5000);
      await c.start();
    });
    await phase('pg_ctl restart -m immediate', () => c.restart('immediate'));
    await load.stop();
    const serverAlive = (await call(server.url, null, 'GET', '/api/health')).status === 200;
    if (!serverAlive) console.log(server.output().slice(-4000));
    phases.push({ phase: 'after', ...summary(load.take()), serverAlive });
    console.log(JSON.stringify(phases.at(-1)));
  } finally {
    await dispose(t);
  }
  return { clients: 10, requestTimeoutMs: TIMEOUT_MS, phases };
}
