/**
 * The CPU of an import's check (validation and staging) of a 100,000-row file, in one process:
 * the server's app on a PGlite store (seeded once into `--data`, reused), the check run through
 * the import service `--runs` times; prints CPU and wall seconds of each run and their medians.
 * `--workers n` sets IMPORT_WORKERS. The machine is shared: compare CPU seconds, not wall time.
 *
 *   npx tsx bench/src/import-cpu.ts --rows 100000 --runs 3 [--workers 0] [--data /tmp/import-cpu]
 *   (add `node --cpu-prof` via NODE_OPTIONS to profile one run)
 */
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { buildApp, fieldCryptoFor } from '../../apps/server/src/app';
import { loadConfig } from '../../apps/server/src/config';
import { openStore, queryRows } from '../../apps/server/src/db/client';
import { seedDemo } from '../../apps/server/src/seed/demo';
import { DEMO_PASSWORD } from '../../apps/server/src/seed/demo-committee';
import { memberSheetRows, xlsxFile } from './import-files';
import { BENCH_FIELD_KEY } from './store';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '3' },
    workers: { type: 'string' },
    data: { type: 'string', default: path.join(os.tmpdir(), 'ningxin-import-cpu') },
    /** Writes a CPU profile of the last run (main thread) to this file. */
    profile: { type: 'string' },
  },
});
const rows = Number(args.rows);
const config = loadConfig({
  NODE_ENV: 'production',
  LOG_LEVEL: 'warn',
  DATA_DIR: args.data,
  FIELD_ENCRYPTION_KEY: BENCH_FIELD_KEY,
  JOBS_ENABLED: 'false',
  ADMIN_TWO_FACTOR: 'optional',
  ...(args.workers !== undefined ? { IMPORT_WORKERS: args.workers } : {}),
});
const file = path.join(args.data!, `members-${rows}.xlsx`);
fs.mkdirSync(args.data!, { recursive: true });
if (!fs.existsSync(file)) fs.writeFileSync(file, await xlsxFile('党员信息', memberSheetRows(rows, 1)));

const store = await openStore({ dataDir: path.join(args.data!, 'store') });
await seedDemo(store.db, fieldCryptoFor(config), { members: 0 });
const app = await buildApp(config, store);
await app.ready();
const login = await app.inject({
  method: 'POST',
  url: '/api/v1/auth/login',
  headers: { 'user-agent': 'bench' },
  payload: { username: 'office', password: DEMO_PASSWORD },
});
const token = decodeURIComponent(String(login.cookies[0]!.value));
const { actor } = await app.platform.services.auth.authenticate(token, { ip: null, userAgent: 'bench' });
const importer = app.platform.services.members.importer;
const [daxing] = await queryRows<{ id: number }>(
  store.db,
  sql`select id from orgs where name = '驻北京大兴区流动党委'`,
);
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;

const cpu: number[] = [];
const wall: number[] = [];
const inspector = args.profile ? new Session() : null;
for (let i = 0; i < Number(args.runs); i++) {
  const profiled = inspector && i === Number(args.runs) - 1;
  if (profiled) {
    inspector.connect();
    await inspector.post('Profiler.enable');
    await inspector.post('Profiler.start');
  }
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const job = await importer.prepare(actor, { path: file, fileName: 'members.xlsx', orgId: daxing!.id });
  const report = await job.run();
  const used = process.cpuUsage(c0);
  const seconds = (performance.now() - t0) / 1000;
  if (profiled) {
    const { profile } = await inspector.post('Profiler.stop');
    fs.writeFileSync(args.profile!, JSON.stringify(profile));
    inspector.disconnect();
  }
  if (!report.stage) throw new Error(`the check kept no stage: ${JSON.stringify(report).slice(0, 400)}`);
  cpu.push((used.user + used.system) / 1e6);
  wall.push(seconds);
  console.log(
    `run ${i + 1}: cpu ${cpu.at(-1)!.toFixed(2)} s, wall ${seconds.toFixed(2)} s, ${report.valid} rows`,
  );
}
console.log(`median of ${cpu.length}: cpu ${median(cpu).toFixed(2)} s, wall ${median(wall).toFixed(2)} s`);
await app.close();
await store.close();
