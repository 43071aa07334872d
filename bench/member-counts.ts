/**
 * Member counts and the member list page through the real app, on an existing store:
 *   DATABASE_URL=postgres://… npx tsx bench/member-counts.ts        (PostgreSQL)
 *   DATA_DIR=./data npx tsx bench/member-counts.ts                  (PGlite)
 * The store must hold the demo accounts (seed-demo). After a warm-up round, every request of
 * every demo account runs once per round (so that a busy moment of the machine spreads over all
 * of them); prints the median and p95 per request in ms.
 */
import { buildApp } from '../apps/server/src/app';
import { loadConfig } from '../apps/server/src/config';
import { openStore } from '../apps/server/src/db/client';
import { DEMO_PASSWORD } from '../apps/server/src/seed/demo-committee';

const ROUNDS = Number(process.env.RUNS ?? 50);
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

const URLS = [
  // The floor: the session check and a small answer, no member data.
  '/api/v1/auth/me',
  '/api/v1/members/counts?by=homeCounty',
  '/api/v1/members/counts?by=committee',
  '/api/v1/members/counts?by=status',
  '/api/v1/members?limit=50',
  '/api/v1/members?limit=50&status=active',
  // Not a group filter: the total is a count(*) over the rows, for comparison.
  '/api/v1/members?limit=50&joinYearFrom=1921',
];
const USERS = ['office', 'tongzhou', 'kangbao', 'xicheng'];

const cases = [];
for (const user of USERS) {
  const cookie = await login(user);
  for (const url of URLS) cases.push({ user, url, cookie, times: [] as number[], total: '' as unknown });
}

for (let round = -1; round < ROUNDS; round++) {
  for (const c of cases) {
    const t = performance.now();
    const res = await app.inject({ method: 'GET', url: c.url, headers: { cookie: c.cookie } });
    const ms = performance.now() - t;
    if (res.statusCode !== 200) throw new Error(`${c.url}: ${res.statusCode} ${res.body}`);
    if (round >= 0) c.times.push(ms);
    c.total = res.json().total ?? '';
  }
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
console.log(`store ${store.kind}, ${ROUNDS} rounds, ms`);
for (const c of cases) {
  const sorted = [...c.times].sort((a, b) => a - b);
  const cell = (q: number) => quantile(sorted, q).toFixed(1).padStart(6);
  console.log(
    `${c.user.padEnd(9)} ${c.url.padEnd(46)} p50 ${cell(0.5)}  p95 ${cell(0.95)}  total ${c.total}`,
  );
}
await app.close();
await store.close();
