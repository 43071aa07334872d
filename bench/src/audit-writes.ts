/**
 * npm run bench:audit -- --label after                     audited writes, PostgreSQL and PGlite
 * npm run bench:audit -- --label after --compare <tree> --compare-label before
 *                                                          the same, interleaved with another checkout
 *
 * Each store is a fresh, migrated database. Writers run the write a sign-in makes: update one
 * attendance row and append its audit entry, in one transaction, through the server's own
 * appendAudit. For each number of concurrent connections (1, 8, 32, 64) they run for a fixed
 * time, each writer starting its next transaction as soon as the last one commits; the figures
 * are audited writes per second and the latency of each transaction. The same update without
 * an audit entry is measured alongside, as the ceiling the machine allows. Levels and the two
 * kinds of write take turns over several rounds, so that a slow moment of the machine does not
 * fall on one of them only. With --compare, the server code of another checkout of the repository
 * (its db/client and audit module, on a store migrated by its own migrations) takes turns with
 * this one in the same rounds: a before/after comparison made at the same moments. Afterwards
 * each chain is verified. Results are kept per label in bench/results/audit-writes.json; the .md
 * shows them side by side.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import * as thisClient from '../../apps/server/src/db/client';
import { type Executor, queryRows, type Store, type StoreKind } from '../../apps/server/src/db/client';
import * as thisAudit from '../../apps/server/src/modules/audit/audit.service';
import { BENCH_DIR } from './paths';
import { machineInfo } from './report';
import { type Latency, latencyOf, round } from './stats';

const { values: args } = parseArgs({
  options: {
    label: { type: 'string', default: 'current' },
    pg: { type: 'string', default: 'postgres://ningxin:ningxin@127.0.0.1:5432/postgres' },
    stores: { type: 'string', default: 'postgres,pglite' },
    connections: { type: 'string', default: '1,8,32,64' },
    seconds: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '3' },
    compare: { type: 'string' },
    'compare-label': { type: 'string', default: 'before' },
    out: { type: 'string', default: path.join(BENCH_DIR, 'results') },
  },
});

const log = (msg: string) => process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${msg}\n`);

/** The attendance rows a meeting's sign-ins update; writers take them in turn, so no two wait on one row. */
const ATTENDEES = 3000;
const DATABASE = 'nx_bench_audit_writes';

/** The server code a run measures: this checkout's, or another's (--compare). */
interface Variant {
  label: string;
  openStore: typeof thisClient.openStore;
  appendAudit: typeof thisAudit.appendAudit;
  verifyChain: (db: Executor) => Promise<{ status: string; rows: number; lanes?: number }>;
}

async function variantAt(label: string, root: string | undefined): Promise<Variant> {
  if (!root) {
    return {
      label,
      openStore: thisClient.openStore,
      appendAudit: thisAudit.appendAudit,
      verifyChain: thisAudit.verifyChain,
    };
  }
  const server = path.resolve(root, 'apps/server/src');
  const client: typeof thisClient = await import(path.join(server, 'db/client.ts'));
  const audit: typeof thisAudit = await import(path.join(server, 'modules/audit/audit.service.ts'));
  return {
    label,
    openStore: client.openStore,
    appendAudit: audit.appendAudit,
    verifyChain: audit.verifyChain,
  };
}

interface Level {
  connections: number;
  writes: number;
  seconds: number;
  writesPerSecond: number;
  errors: number;
  firstError: string | null;
  latency: Latency;
}

interface StoreRun {
  store: StoreKind;
  version: string;
  settings: Record<string, string>;
  /** Audited writes (the update and its audit entry). */
  levels: Level[];
  /** The same update without an audit entry. */
  reference: Level[];
  verify: { status: string; rows: number; lanes?: number | undefined };
}

interface Run {
  label: string;
  date: string;
  machine: ReturnType<typeof machineInfo>;
  loadAverage: number[];
  secondsPerLevel: number;
  rounds: number;
  stores: StoreRun[];
}

interface Results {
  runs: Run[];
}

/** A fresh UTF-8 database on the PostgreSQL server (like the test stores); its URL. */
async function freshPostgres(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(
    `create database ${name} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`,
  );
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropPostgres(adminUrl: string, name: string) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}

/** The table a meeting's sign-in (签到) writes: one row per expected attendee. */
async function createAttendance(store: Store) {
  await store.db.execute(sql`
    create table bench_attendance (
      id integer primary key,
      member_id integer not null,
      member_name text not null,
      signed_in_at timestamptz,
      version integer not null default 1
    )`);
  await store.db.execute(sql`
    insert into bench_attendance (id, member_id, member_name)
    select i, 100000 + i, '参会党员' || i from generate_series(1, ${ATTENDEES}) i`);
}

type Write = () => Promise<void>;

/** The sign-in's update of one attendance row; its row for the audit entry. */
async function signInRow(tx: Executor, id: number) {
  const [row] = await queryRows<{ member_id: number; member_name: string; version: number }>(
    tx,
    sql`update bench_attendance set signed_in_at = now(), version = version + 1
        where id = ${id} returning member_id, member_name, version`,
  );
  return row!;
}

/** One audited write: the sign-in's update and its audit entry, in one transaction. */
function signIn(store: Store, appendAudit: Variant['appendAudit'], next: () => number): Write {
  return async () => {
    const id = next();
    await store.db.transaction(async (tx) => {
      const row = await signInRow(tx, id);
      await appendAudit(
        tx,
        { actorId: row.member_id, actorName: `m${row.member_id}`, ip: '10.0.0.8' },
        {
          action: 'member.updated',
          targetType: 'member',
          targetId: row.member_id,
          targetLabel: row.member_name,
          before: { signedIn: false, version: row.version - 1 },
          after: { signedIn: true, version: row.version },
        },
      );
    });
  };
}

/** The same update without an audit entry: what the machine allows a write of this size. */
function signInUnaudited(store: Store, next: () => number): Write {
  return async () => {
    const id = next();
    await store.db.transaction(async (tx) => {
      await signInRow(tx, id);
    });
  };
}

interface Samples {
  latencies: number[];
  seconds: number;
  errors: number;
  firstError: string | null;
}

/** `connections` writers for `seconds`, each starting its next write when the last one ends. */
async function runFor(write: Write, connections: number, seconds: number, into: Samples): Promise<void> {
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        try {
          await write();
          into.latencies.push(performance.now() - t0);
        } catch (err) {
          into.errors++;
          into.firstError ??= String((err as { cause?: Error }).cause?.message ?? (err as Error).message);
        }
      }
    }),
  );
  into.seconds += (performance.now() - started) / 1000;
}

function levelOf(connections: number, s: Samples): Level {
  return {
    connections,
    writes: s.latencies.length,
    seconds: round(s.seconds, 2),
    writesPerSecond: round(s.latencies.length / s.seconds, 1),
    errors: s.errors,
    firstError: s.firstError,
    latency: latencyOf(s.latencies),
  };
}

/** One variant's store for a run, and what it measured. */
interface Side {
  variant: Variant;
  /** Opens the variant's store with a pool of this many connections (PGlite: its one). */
  open(connections: number): Promise<Store>;
  /** PGlite's store, open for the whole run (opening it takes seconds). */
  kept: Store | null;
  remove(): Promise<void>;
  version: string;
  settings: Record<string, string>;
  next: () => number;
  samples: { audited: Samples[]; reference: Samples[] };
}

const emptySamples = (): Samples => ({ latencies: [], seconds: 0, errors: 0, firstError: null });

/** A fresh store of this kind for the variant, migrated by the variant's own code, with the attendance rows. */
async function openSide(kind: StoreKind, variant: Variant, index: number, levels: number[]): Promise<Side> {
  const name = `${DATABASE}_${index}`;
  const dir = path.join(BENCH_DIR, '.work', `audit-writes-pglite-${index}`);
  let open: Side['open'];
  let remove: Side['remove'];
  if (kind === 'postgres') {
    const url = await freshPostgres(args.pg!, name);
    open = (connections) => variant.openStore({ databaseUrl: url, poolSize: connections });
    remove = () => dropPostgres(args.pg!, name);
  } else {
    fs.rmSync(dir, { recursive: true, force: true });
    open = () => variant.openStore({ dataDir: dir });
    remove = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  const store = await open(1);
  await createAttendance(store);
  const { version } = (await queryRows<{ version: string }>(store.db, sql`select version()`))[0]!;
  const settings = Object.fromEntries(
    (
      await queryRows<{ name: string; setting: string }>(
        store.db,
        sql`select name, setting from pg_settings
            where name in ('fsync', 'synchronous_commit', 'shared_buffers', 'max_connections')`,
      )
    ).map((s) => [s.name, s.setting]),
  );
  let kept: Store | null = store;
  if (kind === 'postgres') {
    await store.close();
    kept = null;
  } else {
    // Warm-up, untimed: caches and the JIT.
    let turn = 0;
    await runFor(
      signIn(store, variant.appendAudit, () => (turn++ % ATTENDEES) + 1),
      8,
      2,
      emptySamples(),
    );
  }
  let turn = 0;
  return {
    variant,
    open,
    kept,
    remove,
    version: version.split(' on ')[0]!,
    settings,
    next: () => (turn++ % ATTENDEES) + 1,
    samples: { audited: levels.map(emptySamples), reference: levels.map(emptySamples) },
  };
}

/**
 * One measurement of a side at `connections`: on PostgreSQL a pool of that many connections,
 * opened for it and warmed up for a second (untimed), so that two variants never hold more than
 * one pool's connections at a time; then the audited write and the write without audit.
 */
async function measure(side: Side, connections: number, i: number, seconds: number): Promise<void> {
  const store = side.kept ?? (await side.open(connections));
  const writes = {
    audited: signIn(store, side.variant.appendAudit, side.next),
    reference: signInUnaudited(store, side.next),
  };
  if (!side.kept) await runFor(writes.audited, connections, 1, emptySamples());
  for (const write of ['audited', 'reference'] as const) {
    await runFor(writes[write], connections, seconds, side.samples[write][i]!);
  }
  if (!side.kept) await store.close();
}

/** Runs every variant on a fresh store of this kind, taking turns, and returns each one's figures. */
async function benchStore(
  kind: StoreKind,
  variants: Variant[],
  levels: number[],
  seconds: number,
  rounds: number,
): Promise<StoreRun[]> {
  const sides: Side[] = [];
  for (const [i, variant] of variants.entries()) sides.push(await openSide(kind, variant, i, levels));
  for (let r = 1; r <= rounds; r++) {
    for (const [i, connections] of levels.entries()) {
      // Each round in the other order, so that neither variant always runs first.
      for (const side of r % 2 ? sides : [...sides].reverse()) {
        await measure(side, connections, i, seconds);
        const level = levelOf(connections, side.samples.audited[i]!);
        const ref = levelOf(connections, side.samples.reference[i]!);
        log(
          `${kind.padEnd(8)} ${side.variant.label.padEnd(8)} round ${r}/${rounds}, ${String(connections).padStart(2)} connections: ` +
            `${level.writesPerSecond} audited writes/s (without audit ${ref.writesPerSecond}), ` +
            `p50 ${level.latency.median.toFixed(2)} p95 ${level.latency.p95.toFixed(2)} p99 ${level.latency.p99.toFixed(2)} ms` +
            (level.errors ? `, ${level.errors} errors (${level.firstError})` : ''),
        );
      }
    }
  }
  const runs: StoreRun[] = [];
  for (const side of sides) {
    const store = side.kept ?? (await side.open(2));
    const verify = await side.variant.verifyChain(store.db);
    log(`${kind.padEnd(8)} ${side.variant.label.padEnd(8)} chain ${verify.status}, ${verify.rows} rows`);
    await store.close();
    await side.remove();
    runs.push({
      store: kind,
      version: side.version,
      settings: side.settings,
      levels: levels.map((n, i) => levelOf(n, side.samples.audited[i]!)),
      reference: levels.map((n, i) => levelOf(n, side.samples.reference[i]!)),
      verify: { status: verify.status, rows: verify.rows, lanes: verify.lanes },
    });
  }
  return runs;
}

const STORE_NAMES: Record<StoreKind, string> = { postgres: 'PostgreSQL', pglite: 'PGlite（内嵌，一个连接）' };
const ms = (v: number) => round(v).toFixed(2);
const perSecond = (l: Level) =>
  `${Math.round(l.writesPerSecond).toLocaleString('en-US')}${l.errors ? `（${l.errors} 次出错）` : ''}`;

/** Every run's figures: per store, one row per connection count, the labels side by side. */
export function toMarkdown(results: Results): string {
  const runs = results.runs;
  const lines = [
    '# 审计写入基准：并发写入时审计日志的吞吐与延迟',
    '',
    '由 `npm run bench:audit -- --label <标签>` 写出（`bench/src/audit-writes.ts`），同名 `.json` 是原始数据。',
    '',
    '## 方法',
    '',
    '- 每种存储新建一个库并执行全部迁移：PostgreSQL 为 `C.UTF-8` 的新库，PGlite 为磁盘上的新数据目录（与服务默认相同）。',
    `- 一次“审计写入”即一次签到所做的事：在一个事务里更新一行签到记录（\`update … set signed_in_at = now(), version = version + 1\`，共 ${ATTENDEES.toLocaleString('en-US')} 行轮流更新，写入者之间不争同一行），再经服务自己的 \`appendAudit\` 追加一条审计记录（含修改前后内容），然后提交。`,
    '- “不写审计”是同一事务去掉审计记录：这台机器上这种大小的写入所能达到的上限，也用来对照两次运行时机器的状态是否相同。',
    '- 并发 N：N 个写入者，PostgreSQL 上每次测量新开一个 N 个连接的连接池（先预热 1 秒，不计），各用其中一个连接；PGlite 只有一个连接，N 个写入者的事务在其上依次执行。每个写入者上一个事务提交后立刻开始下一个。',
    '- 两份代码对比（`--compare <另一份检出> --compare-label <标签>`）时，两者各有自己的库（由各自的迁移建成），在同一进程、同一轮次中交替测量（奇数轮先测对比的一份，偶数轮后测），所以两者遇到的机器状态相同。',
    '- PGlite 先预热 2 秒（不计）。之后按轮次测量：每轮依次测各档并发，每档先测审计写入、再测不写审计，各持续“每档时长”；各轮的样本合并计算。吞吐 = 完成的事务数 ÷ 总时长；延迟是每个事务从开始到提交完成的时间（含排队），中位数、p95、p99 按最近秩法。出错的事务单独计数，不计入吞吐。',
    '- 全部测完后用 `verifyChain` 校验整个审计日志（即 `audit-verify` 和 `GET /api/v1/audit/verify` 所做的校验）。',
    '- 基准进程（Node）与数据库在同一台机器上争用 CPU，数字是二者合计的上限；记录了开始时的系统负载（1/5/15 分钟）。',
    '',
    '## 运行',
    '',
    '| 标签 | 日期（UTC） | 机器 | 开始时负载 | 每档时长 × 轮数 | 存储 | 链校验 |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of runs) {
    for (const s of r.stores) {
      lines.push(
        `| ${r.label} | ${r.date.slice(0, 16).replace('T', ' ')} | ${r.machine.cpus} 核（${r.machine.cpuModel}），${r.machine.memoryGb} GB，Node ${r.machine.node} | ${r.loadAverage.map((l) => l.toFixed(1)).join(' / ')} | ${r.secondsPerLevel} 秒 × ${r.rounds ?? 1} | ${s.version}${s.store === 'postgres' ? `（fsync ${s.settings.fsync}，synchronous_commit ${s.settings.synchronous_commit}）` : ''} | ${s.verify.status}，${s.verify.rows.toLocaleString('en-US')} 条${s.verify.lanes ? `，${s.verify.lanes} 条链` : ''} |`,
      );
    }
  }
  for (const kind of ['postgres', 'pglite'] as const) {
    const series = runs.flatMap((r) => {
      const s = r.stores.find((x) => x.store === kind);
      return s ? [{ label: r.label, store: s }] : [];
    });
    if (!series.length) continue;
    lines.push(
      '',
      `## ${STORE_NAMES[kind]}`,
      '',
      `| 并发 | ${series.map((s) => `${s.label}：审计写入/秒 | 中位数 ms | p95 | p99 | 不写审计/秒`).join(' | ')} |`,
      `| --- | ${series.map(() => '--- | --- | --- | --- | ---').join(' | ')} |`,
    );
    const counts = [...new Set(series.flatMap((s) => s.store.levels.map((l) => l.connections)))];
    for (const n of counts) {
      const cells = series.map(({ store }) => {
        const l = store.levels.find((x) => x.connections === n);
        const ref = store.reference?.find((x) => x.connections === n);
        if (!l) return '— | — | — | — | —';
        return `${perSecond(l)} | ${ms(l.latency.median)} | ${ms(l.latency.p95)} | ${ms(l.latency.p99)} | ${ref ? perSecond(ref) : '—'}`;
      });
      lines.push(`| ${n} | ${cells.join(' | ')} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

async function main() {
  const levels = args.connections!.split(',').map(Number);
  const seconds = Number(args.seconds);
  const rounds = Number(args.rounds);
  const kinds = args.stores!.split(',') as StoreKind[];
  const variants = [await variantAt(args.label!, undefined)];
  if (args.compare) variants.unshift(await variantAt(args['compare-label']!, args.compare));
  const loadAverage = os.loadavg().map((l) => round(l, 2));
  log(`${variants.map((v) => v.label).join(' and ')}; load average ${loadAverage.join(' ')}`);
  const byStore: StoreRun[][] = [];
  for (const kind of kinds) byStore.push(await benchStore(kind, variants, levels, seconds, rounds));
  const pgVersion = byStore.flat().find((s) => s.store === 'postgres')?.version ?? '';
  const date = new Date().toISOString();
  const runs: Run[] = variants.map((v, i) => ({
    label: v.label,
    date,
    machine: machineInfo(pgVersion),
    loadAverage,
    secondsPerLevel: seconds,
    rounds,
    stores: byStore.map((perVariant) => perVariant[i]!),
  }));

  const base = path.join(args.out!, 'audit-writes');
  const previous: Results = fs.existsSync(`${base}.json`)
    ? JSON.parse(fs.readFileSync(`${base}.json`, 'utf8'))
    : { runs: [] };
  const labels = new Set(runs.map((r) => r.label));
  const results: Results = { runs: [...previous.runs.filter((r) => !labels.has(r.label)), ...runs] };
  fs.mkdirSync(args.out!, { recursive: true });
  fs.writeFileSync(`${base}.json`, `${JSON.stringify(results, null, 2)}\n`);
  fs.writeFileSync(`${base}.md`, toMarkdown(results));
  log(`written ${base}.md and .json`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
