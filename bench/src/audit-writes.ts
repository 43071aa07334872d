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
import type { StoreKind } from '../../apps/server/src/db/client';
import { type Results, type Run, type StoreRun, toMarkdown } from './audit-writes/report';
import { openSide, type Side, type Variant, variantAt } from './audit-writes/setup';
import { emptySamples, levelOf, runFor, signIn, signInUnaudited } from './audit-writes/workload';
import { BENCH_DIR } from './paths';
import { machineInfo } from './report';
import { round } from './stats';

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
  for (const [i, variant] of variants.entries())
    sides.push(await openSide(args.pg!, kind, variant, i, levels));
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
