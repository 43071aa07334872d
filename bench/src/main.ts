/**
 * npm run bench                                        PGlite, 12,000 members (the demo committee)
 * npm run bench -- --pg <url> --members 1000000        PostgreSQL, a national-scale base
 *
 * Seeds the store if it holds fewer members (COPY), times each operation's SQL on the bare
 * driver, starts the real server, drives it over loopback HTTP as the committee office and as a
 * second-level committee's secretary, and writes bench/results/<store>-<members>.md and .json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type ExportTiming, type ImportTiming, timeExport, timeImport } from './excel-ops';
import { load, login } from './http';
import { BENCH_USERS, type BenchUser, buildOps } from './ops';
import { BENCH_DIR } from './paths';
import { rawSqlTimes } from './raw-sql';
import { type BenchResult, machineInfo, type OpResult, toMarkdown } from './report';
import { startServer } from './server';
import { type BenchStoreOptions, openDirect, removeImported, seedStore, storeEnv } from './store';

const { values: args } = parseArgs({
  options: {
    pg: { type: 'string' },
    members: { type: 'string' },
    'data-dir': { type: 'string' },
    port: { type: 'string', default: '3300' },
    samples: { type: 'string', default: '300' },
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '32' },
    only: { type: 'string' },
    'skip-excel': { type: 'boolean', default: false },
    out: { type: 'string', default: path.join(BENCH_DIR, 'results') },
  },
});

const log = (msg: string) => process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${msg}\n`);

async function main() {
  const members = Number(args.members ?? 12_000);
  const kind = args.pg ? ('postgres' as const) : ('pglite' as const);
  const options: BenchStoreOptions = {
    pgUrl: args.pg,
    dataDir: args['data-dir'] ?? path.join(BENCH_DIR, '.work', `pglite-${members}`),
    members,
  };
  const env = storeEnv(options);
  const samples = Number(args.samples);
  const seconds = Number(args.seconds);
  const connections = Number(args.connections);

  log(`store ${kind}, ${members.toLocaleString('en-US')} members: seeding if needed`);
  const seedSeconds = seedStore(options);

  let direct = await openDirect(options);
  const [{ n: count, max_id: maxId }] = (await direct.query(
    'select count(*)::int as n, coalesce(max(id), 0)::int as max_id from members',
  )) as [{ n: number; max_id: number }];
  if (count !== members) throw new Error(`the store holds ${count} members, not ${members}`);
  // The settings that decide write and cache speed at scale (docs/deployment.md recommends them).
  const [{ version, settings }] = (await direct.query(
    `select version(), concat_ws('，', 'shared_buffers ' || current_setting('shared_buffers'),
       'max_wal_size ' || current_setting('max_wal_size'), 'wal_compression ' || current_setting('wal_compression')) as settings`,
  )) as [{ version: string; settings: string }];
  const [daxing] = await direct.query("select id from orgs where name = '驻北京大兴区流动党委'");
  // The export of about 12,000 rows: the whole demo base, or at a million the branch nearest that.
  const [exportOrg] = await direct.query(
    'select org_id, count(*)::int as n from members group by org_id order by abs(count(*) - 12000) limit 1',
  );
  const exportFilter =
    members <= 12_000
      ? { query: '', rows: count }
      : { query: `orgId=${exportOrg!.org_id}`, rows: Number(exportOrg!.n) };

  let ops = await buildOps(direct.query);
  if (args.only) ops = ops.filter((o) => args.only!.split(',').some((p) => o.id.startsWith(p)));
  log(`timing the SQL of ${ops.length} operations on the bare driver`);
  const raw = await rawSqlTimes(direct, env, ops, samples, { connections, seconds });
  const storeSizeMb = await direct.sizeMb();
  await direct.close();

  log('starting the server');
  const server = await startServer(env, Number(args.port));
  const idleMb = server.memory().rssMb;
  const cookies = {} as Record<BenchUser, string>;
  for (const user of BENCH_USERS) cookies[user] = await login(server.url, user);
  const results: OpResult[] = [];
  for (const op of ops) {
    const requests = op.requests.map((r) =>
      op.group === 'login' ? r : { ...r, headers: { cookie: cookies[op.user] } },
    );
    await load(server.url, requests, { connections: 1, amount: 20 }); // warm-up
    const serial = await load(server.url, requests, {
      connections: 1,
      amount: op.group === 'login' ? 100 : samples,
    });
    const concurrent = await load(server.url, requests, { connections, duration: seconds });
    const r = raw.get(op.id);
    results.push({
      op,
      serial,
      concurrent,
      raw: r,
      ratio: r ? serial.latency.median / r.latency.median : undefined,
    });
    log(
      `${op.id.padEnd(24)} p50 ${serial.latency.median.toFixed(2)} p95 ${serial.latency.p95.toFixed(2)} ms; ` +
        `${Math.round(concurrent.throughput)} req/s at ${connections}; sql p50 ${r?.latency.median.toFixed(2) ?? '-'} ms`,
    );
  }
  const afterQueriesMb = server.memory().rssMb;

  const imports: ImportTiming[] = [];
  const exports: ExportTiming[] = [];
  if (!args['skip-excel']) {
    log(`export of ${exportFilter.rows} rows`);
    exports.push(await timeExport(server.url, cookies.office, exportFilter.query, exportFilter.rows));
    for (const [rows, part] of [
      [12_000, 0],
      [100_000, 1],
    ] as const) {
      log(`import of ${rows} rows`);
      const t = await timeImport(server.url, cookies.office, Number(daxing!.id), rows, part);
      log(`  dry run ${t.dryRunSeconds.toFixed(1)} s, commit ${t.commitSeconds.toFixed(1)} s`);
      imports.push(t);
    }
  }
  const peakMb = server.memory().peakRssMb;
  await server.stop();

  direct = await openDirect(options);
  const removed = await removeImported(direct.query, maxId);
  await direct.close();
  if (removed) log(`removed the ${removed} imported members again`);

  const result: BenchResult = {
    store: kind,
    members,
    date: new Date().toISOString(),
    machine: machineInfo(`${version.split(' on ')[0]!}（${settings}）`),
    settings: { serialRequests: samples, concurrentSeconds: seconds, connections },
    seedSeconds,
    storeSizeMb,
    rss: { idleMb, afterQueriesMb, peakMb },
    ops: results,
    imports,
    exports,
  };
  fs.mkdirSync(args.out!, { recursive: true });
  const base = path.join(args.out!, `${kind}-${members}`);
  fs.writeFileSync(`${base}.json`, `${JSON.stringify(result, null, 2)}\n`);
  fs.writeFileSync(`${base}.md`, toMarkdown(result));
  log(`written ${base}.md and .json`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
