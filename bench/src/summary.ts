/**
 * npm run bench:summary — the two recorded runs side by side (PGlite at 12,000 members and
 * PostgreSQL at 1,000,000): median and p95 of each operation, written to bench/results/summary.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BENCH_DIR } from './paths';
import type { BenchResult } from './report';
import { round } from './stats';

const dir = path.join(BENCH_DIR, 'results');
const read = (name: string): BenchResult | undefined => {
  const file = path.join(dir, `${name}.json`);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as BenchResult) : undefined;
};

export function sideBySide(a: BenchResult, b: BenchResult): string {
  const head = (r: BenchResult) =>
    `${r.store === 'pglite' ? 'PGlite' : 'PostgreSQL'} ${r.members.toLocaleString('en-US')}`;
  const f = (v: number | undefined) => (v === undefined ? '—' : round(v).toFixed(2));
  const lines = [
    `| 操作 | 用户 | ${head(a)} 中位数 | p95 | 并发 32 次/秒 | ${head(b)} 中位数 | p95 | 并发 32 次/秒 |`,
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const o of a.ops) {
    const p = b.ops.find((x) => x.op.id === o.op.id);
    lines.push(
      `| ${o.op.label} | ${o.op.user} | ${f(o.serial.latency.median)} | ${f(o.serial.latency.p95)} | ${Math.round(o.concurrent.throughput)} | ${f(p?.serial.latency.median)} | ${f(p?.serial.latency.p95)} | ${p ? Math.round(p.concurrent.throughput) : '—'} |`,
    );
  }
  const imp = (r: BenchResult, rows: number) => {
    const i = r.imports.find((x) => x.rows === rows);
    return i
      ? `${round(i.dryRunSeconds, 1)} + ${round(i.commitSeconds, 1)} = ${round(i.totalSeconds, 1)} 秒`
      : '—';
  };
  const exp = (r: BenchResult) =>
    r.exports[0]
      ? `${r.exports[0].rows.toLocaleString('en-US')} 行 ${round(r.exports[0].medianSeconds, 1)} 秒`
      : '—';
  lines.push(
    `| 导入 12,000 行（校验 + 导入） | office | ${imp(a, 12_000)} | | | ${imp(b, 12_000)} | | |`,
    `| 导入 100,000 行（校验 + 导入） | office | ${imp(a, 100_000)} | | | ${imp(b, 100_000)} | | |`,
    `| 导出 | office | ${exp(a)} | | | ${exp(b)} | | |`,
    `| 服务 RSS：空闲 / 压测后 / 峰值 | | ${a.rss.idleMb} / ${a.rss.afterQueriesMb} / ${a.rss.peakMb} MB | | | ${b.rss.idleMb} / ${b.rss.afterQueriesMb} / ${b.rss.peakMb} MB | | |`,
    `| 库大小 | | ${a.storeSizeMb} MB | | | ${b.storeSizeMb} MB | | |`,
  );
  return `${lines.join('\n')}\n`;
}

const pglite = read('pglite-12000');
const postgres = read('postgres-1000000');
if (!pglite || !postgres) {
  process.stderr.write(
    '需要 bench/results/pglite-12000.json 和 postgres-1000000.json：先各运行一次 npm run bench\n',
  );
  process.exit(1);
}
const text = `# 两种存储对照（毫秒）\n\n由 \`npm run bench:summary\` 从两次运行的结果生成：PGlite ${pglite.date.slice(0, 16)}，PostgreSQL ${postgres.date.slice(0, 16)}（UTC）。\n\n${sideBySide(pglite, postgres)}`;
fs.writeFileSync(path.join(dir, 'summary.md'), text);
process.stdout.write(text);
