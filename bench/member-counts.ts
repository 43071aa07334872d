/**
 * Member counts and the member list page through the real app, on an existing store:
 *   DATABASE_URL=postgres://… npx tsx bench/member-counts.ts        (PostgreSQL)
 *   DATA_DIR=./data npx tsx bench/member-counts.ts                  (PGlite)
 * The store must hold the demo accounts (seed-demo). Prints median and p95 per request, in ms,
 * for each demo account, after warm-up.
 */
import { buildApp } from '../apps/server/src/app';
import { loadConfig } from '../apps/server/src/config';
import { openStore } from '../apps/server/src/db/client';
import { DEMO_PASSWORD } from '../apps/server/src/seed/demo-committee';

const RUNS = Number(process.env.RUNS ?? 40);
const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const app = await buildApp(config, store);
await app.ready();

async function login(username: string): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password: DEMO_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode}`);
  const raw = res.headers['set-cookie'];
  return (Array.isArray(raw) ? raw[0] : raw)!.split(';')[0]!;
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

async function time(url: string, cookie: string) {
  const once = async () => {
    const t = performance.now();
    const res = await app.inject({ method: 'GET', url, headers: { cookie } });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return { ms: performance.now() - t, body: res.json() };
  };
  for (let i = 0; i < 3; i++) await once();
  const times: number[] = [];
  let body: unknown;
  for (let i = 0; i < RUNS; i++) {
    const r = await once();
    times.push(r.ms);
    body = r.body;
  }
  times.sort((a, b) => a - b);
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95), body };
}

const URLS = [
  // The floor: session check and serialization, no member data.
  '/api/v1/auth/me',
  '/api/v1/members/counts?by=homeCounty',
  '/api/v1/members/counts?by=committee',
  '/api/v1/members/counts?by=status',
  '/api/v1/members?limit=50',
  '/api/v1/members?limit=50&status=active',
  // Not a group filter: the total is a count(*) over the rows, for comparison.
  '/api/v1/members?limit=50&joinYearFrom=1921',
];

console.log(`store ${store.kind}, ${RUNS} runs each, ms`);
for (const user of ['office', 'tongzhou', 'kangbao', 'xicheng']) {
  const cookie = await login(user);
  for (const url of URLS) {
    const r = await time(url, cookie);
    const total = (r.body as { total?: number }).total ?? '';
    console.log(
      `${user.padEnd(9)} ${url.padEnd(46)} p50 ${r.p50.toFixed(1).padStart(6)}  p95 ${r.p95.toFixed(1).padStart(6)}  total ${total}`,
    );
  }
}
await app.close();
await store.close();
