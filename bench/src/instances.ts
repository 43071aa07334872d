/**
 * npm run bench:instances -w @ningxin/bench [-- <seconds per step>]
 *
 * Several app instances behind a reverse proxy on one PostgreSQL database, as a committee that
 * outgrows one process runs them: three servers (one data directory shared, as a network share
 * would be: the field-encryption key and the uploaded files), Debian's nginx in front
 * (bench/src/nginx.ts), a PostgreSQL cluster of the bench's own (apps/server/test/pg-cluster.ts, port
 * 5498). It checks, then measures:
 *
 *   sessions   a session made through the proxy is good on every instance (each answer names its
 *              instance), and a logout on one instance ends it on the others at once
 *   imports    two member imports at once, on two instances: both committed whole, the member
 *              count up by both, the member rollups equal the members
 *   throughput the same read mix through the proxy with 1, 2 and 3 instances in rotation: requests
 *              a second, median and p95, and the CPU each process used (from /proc)
 *
 * Results go to bench/results/instances.json and .md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { rollupsRepository } from '../../apps/server/src/modules/members/counts/members.rollups.repository';
import { ownCluster } from '../../apps/server/test/pg-cluster';
import { type BenchRequest, type LoadResult, load, login } from './http';
import { memberSheetRows, xlsxFile } from './import-files';
import { postImport } from './import-post';
import { type ReverseProxy, startProxy } from './nginx';
import { BENCH_DIR } from './paths';
import { childPids, cpuSeconds, pidsMatching } from './procs';
import { type ServerProcess, startServer } from './server';
import { round } from './stats';
import { openDirect, storeEnv } from './store';

const PROXY_PORT = 3310;
const APP_PORTS = [3311, 3312, 3313];
const DEMO_MEMBERS = 3000;
const IMPORT_ROWS = 2000;
const CONNECTIONS = 16;
const sum = (values: number[]) => values.reduce((a, v) => a + v, 0);

/** The cluster's postmaster and its backends (each connection is a process of its own). */
function postgresPids(port: number): number[] {
  const master = pidsMatching(`-p ${port} `);
  return [...master, ...master.flatMap(childPids)];
}

async function get(url: string, cookie: string, apiPath: string) {
  const res = await fetch(`${url}/api/v1${apiPath}`, { headers: { cookie, 'user-agent': 'node' } });
  return { status: res.status, upstream: res.headers.get('x-upstream') };
}

interface SessionCheck {
  requests: number;
  ok: number;
  instancesServing: number;
  afterLogoutOnOthers: number[];
}

async function sessions(proxyUrl: string, servers: ServerProcess[]): Promise<SessionCheck> {
  const cookie = await login(proxyUrl, 'tongzhou');
  const answers = await Promise.all(Array.from({ length: 30 }, () => get(proxyUrl, cookie, '/auth/me')));
  const logout = await fetch(`${servers[1]!.url}/api/v1/auth/logout`, {
    method: 'POST',
    headers: { cookie, origin: servers[1]!.url, 'user-agent': 'node' },
  });
  if (!logout.ok) throw new Error(`logout: HTTP ${logout.status}`);
  const after = await Promise.all(
    [servers[0]!, servers[2]!].map(async (s) => (await get(s.url, cookie, '/auth/me')).status),
  );
  return {
    requests: answers.length,
    ok: answers.filter((a) => a.status === 200).length,
    instancesServing: new Set(answers.map((a) => a.upstream)).size,
    afterLogoutOnOthers: after,
  };
}

interface ImportCheck {
  imported: (number | null)[];
  ms: number;
  membersBefore: number;
  membersAfter: number;
  rollupMismatches: number;
}

async function imports(
  servers: ServerProcess[],
  opts: Parameters<typeof openDirect>[0],
): Promise<ImportCheck> {
  const direct = await openDirect(opts);
  try {
    const count = async () => Number((await direct.query('select count(*)::int as n from members'))[0]!.n);
    const orgs = await direct.query(
      `select o.id from orgs o where not exists (select 1 from orgs c where c.parent_id = o.id) order by o.id limit 2`,
    );
    const before = await count();
    const files = await Promise.all(
      ([0, 1] as const).map((part) => xlsxFile('党员信息', memberSheetRows(IMPORT_ROWS, part))),
    );
    const started = performance.now();
    const outcomes = await Promise.all(
      ([0, 1] as const).map(async (i) => {
        const server = servers[i]!;
        const cookie = await login(server.url, 'office');
        return postImport(server.url, cookie, files[i]!, Number(orgs[i]!.id));
      }),
    );
    const ms = performance.now() - started;
    const rollups = await rollupsRepository.compareWithMembers(direct.store.db);
    return {
      imported: outcomes.map((o) => o.imported),
      ms: Math.round(ms),
      membersBefore: before,
      membersAfter: await count(),
      rollupMismatches: rollups.mismatches,
    };
  } finally {
    await direct.close();
  }
}

/** The read mix: lists, a name search, a member's record, the overview, the session check. */
async function readMix(url: string, opts: Parameters<typeof openDirect>[0]) {
  const direct = await openDirect(opts);
  try {
    const names = await direct.query(
      `select name from members where char_length(name) = 2 and id % 37 = 0 order by id limit 6`,
    );
    const ids = await direct.query(`select id from members where id % 41 = 0 order by id limit 6`);
    const cookie = await login(url, 'office');
    const requests: BenchRequest[] = [
      { method: 'GET', path: '/api/v1/members?limit=50' },
      ...names.map((n) => ({
        method: 'GET' as const,
        path: `/api/v1/members?limit=50&q=${encodeURIComponent(String(n.name))}`,
      })),
      ...ids.map((r) => ({ method: 'GET' as const, path: `/api/v1/members/${r.id}` })),
      { method: 'GET', path: '/api/v1/stats/overview' },
      { method: 'GET', path: '/api/v1/auth/me' },
    ];
    return requests.map((r) => ({ ...r, headers: { cookie } }));
  } finally {
    await direct.close();
  }
}

interface Step {
  instances: number;
  result: LoadResult;
  /** CPU seconds per second of the step, by process. */
  cpu: { app: number[]; nginx: number; postgres: number; bench: number };
}

async function main() {
  const seconds = Number(process.argv[2] ?? 30);
  const cluster = await ownCluster(Number(process.env.INSTANCES_PG_PORT ?? 5498));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ningxin-instances-'));
  const servers: ServerProcess[] = [];
  let proxy: ReverseProxy | undefined;
  try {
    const pgUrl = await cluster.createDatabase('instances');
    const opts = { dataDir, pgUrl, members: DEMO_MEMBERS };
    const env = {
      ...storeEnv(opts),
      SEED_DEMO: 'true',
      SEED_DEMO_MEMBERS: String(DEMO_MEMBERS),
      JOBS_ENABLED: 'false',
      ADMIN_TWO_FACTOR: 'optional',
      TRUST_PROXY: 'true',
    };
    // The first seeds the demo committee; the others find the database ready.
    for (const port of APP_PORTS) servers.push(await startServer(env, port, 900_000));
    console.log(`${servers.length} instances on one database`);

    proxy = await startProxy(PROXY_PORT, APP_PORTS);
    const session = await sessions(proxy.url, servers);
    console.log('sessions:', session);
    const imported = await imports(servers, opts);
    console.log('imports:', imported);
    const requests = await readMix(proxy.url, opts);
    await proxy.stop();

    const steps: Step[] = [];
    for (let k = 1; k <= APP_PORTS.length; k++) {
      proxy = await startProxy(PROXY_PORT, APP_PORTS.slice(0, k));
      await load(proxy.url, requests, { connections: CONNECTIONS, duration: 5 });
      const nginx = proxy.pids();
      const pids = [...servers.map((s) => s.pid), ...nginx, ...postgresPids(cluster.port)];
      const before = pids.map(cpuSeconds);
      const bench = process.cpuUsage();
      const started = performance.now();
      const result = await load(proxy.url, requests, { connections: CONNECTIONS, duration: seconds });
      const wall = (performance.now() - started) / 1000;
      const used = pids.map((p, i) => (cpuSeconds(p) - before[i]!) / wall);
      const b = process.cpuUsage(bench);
      steps.push({
        instances: k,
        result,
        cpu: {
          app: used.slice(0, servers.length).map((v) => round(v)),
          nginx: round(sum(used.slice(servers.length, servers.length + nginx.length))),
          postgres: round(sum(used.slice(servers.length + nginx.length))),
          bench: round((b.user + b.system) / 1e6 / wall),
        },
      });
      console.log(
        `${k} instance(s): ${round(result.throughput, 0)} req/s, p95 ${round(result.latency.p95, 1)} ms`,
      );
      await proxy.stop();
    }
    write({ seconds, session, imported, steps });
  } finally {
    await proxy?.stop();
    for (const s of servers) await s.stop();
    cluster.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function write(r: { seconds: number; session: SessionCheck; imported: ImportCheck; steps: Step[] }) {
  const at = new Date().toISOString();
  const load1 = os
    .loadavg()
    .map((v) => v.toFixed(2))
    .join(' / ');
  fs.mkdirSync(path.join(BENCH_DIR, 'results'), { recursive: true });
  fs.writeFileSync(
    path.join(BENCH_DIR, 'results/instances.json'),
    `${JSON.stringify({ at, ...r }, null, 2)}\n`,
  );
  const rows = r.steps.map(
    (s) =>
      `| ${s.instances} | ${round(s.result.throughput, 0)} | ${round(s.result.latency.median, 1)} | ${round(s.result.latency.p95, 1)} | ${s.result.non2xx + s.result.errors} | ${s.cpu.app.map((v) => v.toFixed(2)).join(' + ')} | ${s.cpu.nginx.toFixed(2)} | ${s.cpu.postgres.toFixed(2)} | ${s.cpu.bench.toFixed(2)} |`,
  );
  const md = `# Several instances behind a reverse proxy

Measured ${at} with \`npm run bench:instances -w @ningxin/bench -- ${r.seconds}\`: three app instances on one PostgreSQL 15 database (a cluster of the bench's own), the demo committee (${DEMO_MEMBERS} members), Debian's nginx in front (round robin, keep-alive upstreams), ${CONNECTIONS} connections, ${r.seconds} s a step after a 5 s warm-up, on ${os.cpus().length} cores shared by the load generator, nginx, PostgreSQL and the instances (load average after: ${load1}).

## Sessions shared

${r.session.ok} of ${r.session.requests} session checks through the proxy answered 200, served by ${r.session.instancesServing} instances; after a logout on the second instance, the same cookie on the first and third: ${r.session.afterLogoutOnOthers.join(', ')}.

## Two imports at once on two instances

${IMPORT_ROWS.toLocaleString('en')} rows each, posted to instances 1 and 2 together: imported ${r.imported.imported.join(' and ')} in ${r.imported.ms.toLocaleString('en')} ms; members ${r.imported.membersBefore.toLocaleString('en')} → ${r.imported.membersAfter.toLocaleString('en')}; member rollups against the members: ${r.imported.rollupMismatches} mismatches.

## Throughput of the read mix

Lists, name searches, member records, the overview and the session check, as the office. CPU is in cores (CPU seconds per second) for each instance, nginx, PostgreSQL (the postmaster and its backends) and the load generator.

| instances | req/s | median ms | p95 ms | errors | CPU of the instances | nginx | PostgreSQL | load generator |
| ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |
${rows.join('\n')}
`;
  fs.writeFileSync(path.join(BENCH_DIR, 'results/instances.md'), md);
  console.log(md);
}

await main();
