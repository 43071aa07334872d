/**
 * npm run bench:cpu -- [--pg <url>] [--members 12000] --before <another checkout> [--requests 600] [--rounds 3]
 *
 * The server's own CPU per request (user + system time from /proc over a run of sequential
 * requests), for this checkout's server and another checkout's side by side, each operation in
 * alternating rounds. CPU time is what one process on two cores runs out of, and it moves far
 * less than latency when the machine is busy. Both servers run on the same store (a copy of the
 * PGlite directory each, or the same PostgreSQL database). Writes bench/results/request-cpu-<store>.md.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { load, login } from './http';
import { BENCH_USERS, type BenchUser, buildOps } from './ops';
import { BENCH_DIR, ROOT } from './paths';
import { cpuSeconds } from './procs';
import { machineInfo } from './report';
import { type ServerProcess, startServer } from './server';
import { openDirect, seedStore, storeEnv } from './store';

const { values: args } = parseArgs({
  options: {
    pg: { type: 'string' },
    members: { type: 'string', default: '12000' },
    'data-dir': { type: 'string' },
    before: { type: 'string' },
    requests: { type: 'string', default: '600' },
    rounds: { type: 'string', default: '3' },
    only: { type: 'string' },
    port: { type: 'string', default: '3360' },
  },
});

const log = (msg: string) => process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${msg}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const commitOf = (dir: string) =>
  execFileSync('git', ['-C', dir, 'rev-parse', '--short', 'HEAD']).toString().trim();

async function main() {
  if (!args.before) throw new Error('--before <checkout> names the checkout to compare with');
  const members = Number(args.members);
  const kind = args.pg ? 'postgres' : 'pglite';
  const dataDir = args['data-dir'] ?? path.join(BENCH_DIR, '.work', `pglite-${members}`);
  const options = { pgUrl: args.pg, dataDir, members };
  seedStore(options);
  const direct = await openDirect(options);
  let ops = (await buildOps(direct.query)).filter((o) => o.group !== 'login');
  if (args.only) ops = ops.filter((o) => args.only!.split(',').some((p) => o.id.startsWith(p)));
  await direct.close();

  // PGlite is one process's store: the other server gets a copy of the directory.
  const beforeDir = `${dataDir}-before`;
  if (!args.pg) {
    fs.rmSync(beforeDir, { recursive: true, force: true });
    fs.cpSync(dataDir, beforeDir, { recursive: true });
  }
  const port = Number(args.port);
  const servers: Record<'before' | 'after', ServerProcess> = {
    before: await startServer(
      storeEnv({ ...options, dataDir: args.pg ? dataDir : beforeDir }),
      port + 1,
      undefined,
      args.before,
    ),
    after: await startServer(storeEnv(options), port),
  };
  const cookies = { before: {}, after: {} } as Record<'before' | 'after', Record<BenchUser, string>>;
  for (const side of ['before', 'after'] as const)
    for (const user of BENCH_USERS) cookies[side][user] = await login(servers[side].url, user);

  const requests = Number(args.requests);
  type Pair = { before: number; after: number };
  const rows: { id: string; label: string; cpu: Pair; p50: Pair }[] = [];
  for (const op of ops) {
    const cpu = { before: [] as number[], after: [] as number[] };
    const p50 = { before: [] as number[], after: [] as number[] };
    for (let round = 0; round < Number(args.rounds); round++) {
      for (const side of round % 2 ? (['after', 'before'] as const) : (['before', 'after'] as const)) {
        const server = servers[side];
        const reqs = op.requests.map((r) => ({ ...r, headers: { cookie: cookies[side][op.user] } }));
        await load(server.url, reqs, { connections: 1, amount: 50 });
        const start = cpuSeconds(server.pid);
        const run = await load(server.url, reqs, { connections: 1, amount: requests });
        if (run.non2xx || run.errors)
          throw new Error(`${op.id} on ${side}: ${run.non2xx} non-2xx, ${run.errors} errors`);
        cpu[side].push(((cpuSeconds(server.pid) - start) * 1000) / requests);
        p50[side].push(run.latency.median);
      }
    }
    const row = {
      id: op.id,
      label: op.label,
      cpu: { before: median(cpu.before), after: median(cpu.after) },
      p50: { before: median(p50.before), after: median(p50.after) },
    };
    rows.push(row);
    log(
      `${op.id.padEnd(24)} CPU ${row.cpu.before.toFixed(2)} → ${row.cpu.after.toFixed(2)} ms/request; ` +
        `p50 ${row.p50.before.toFixed(2)} → ${row.p50.after.toFixed(2)} ms`,
    );
  }
  await Promise.all([servers.before.stop(), servers.after.stop()]);
  if (!args.pg) fs.rmSync(beforeDir, { recursive: true, force: true });

  const load1 = fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
  const md = [
    `# Server CPU per request, ${kind} ${members.toLocaleString('en-US')} members`,
    '',
    `${new Date().toISOString()}; before ${commitOf(args.before)}, after ${commitOf(ROOT)}; ` +
      `${requests} sequential requests per round, median of ${args.rounds} alternating rounds; load ${load1}; ${machineInfo('').cpuModel}.`,
    '',
    '| operation | CPU ms/request before | after | change | p50 ms before | after |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.label} | ${r.cpu.before.toFixed(2)} | ${r.cpu.after.toFixed(2)} | ` +
        `${(((r.cpu.after - r.cpu.before) / r.cpu.before) * 100).toFixed(0)}% | ${r.p50.before.toFixed(2)} | ${r.p50.after.toFixed(2)} |`,
    ),
    '',
  ].join('\n');
  const out = path.join(BENCH_DIR, 'results', `request-cpu-${kind}.md`);
  fs.writeFileSync(out, md);
  fs.writeFileSync(out.replace(/\.md$/, '.json'), `${JSON.stringify(rows, null, 2)}\n`);
  log(`written ${out}`);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
