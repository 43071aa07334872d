import os from 'node:os';
import type { ExportTiming, ImportTiming } from './excel-ops';
import type { LoadResult } from './http';
import type { Op } from './ops';
import type { RawResult } from './raw-sql';
import { round } from './stats';
import { TARGETS } from './targets';

export interface OpResult {
  op: Op;
  serial: LoadResult;
  concurrent: LoadResult;
  raw?: RawResult | undefined;
  /** API median ÷ raw SQL median. */
  ratio?: number | undefined;
}

export interface BenchResult {
  store: 'pglite' | 'postgres';
  members: number;
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; storeVersion: string };
  settings: { serialRequests: number; concurrentSeconds: number; connections: number };
  seedSeconds: number;
  storeSizeMb: number;
  rss: { idleMb: number; afterQueriesMb: number; peakMb: number };
  ops: OpResult[];
  imports: ImportTiming[];
  exports: ExportTiming[];
}

export function machineInfo(storeVersion: string) {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    storeVersion,
  };
}

const ms = (v: number | undefined) => (v === undefined ? '—' : round(v).toFixed(2));
const mark = (ok: boolean) => (ok ? '✅' : '❌');

/** The result as a Markdown page: figures per operation, then each target with its verdict. */
export function toMarkdown(r: BenchResult): string {
  const t = TARGETS[r.store];
  const storeName = r.store === 'pglite' ? 'PGlite（内嵌）' : 'PostgreSQL';
  const lines: string[] = [
    `# 基准测试结果：${storeName}，${r.members.toLocaleString('en-US')} 名党员`,
    '',
    `- 日期：${r.date}`,
    `- 机器：${r.machine.cpus} 核（${r.machine.cpuModel}），内存 ${r.machine.memoryGb} GB；Node ${r.machine.node}；${r.machine.storeVersion}`,
    `- 方法：真实服务进程，经本机回环 HTTP 以登录用户访问；并发 1 时每项 ${r.settings.serialRequests} 次请求（先预热），并发 ${r.settings.connections} 时持续 ${r.settings.concurrentSeconds} 秒（autocannon，与服务同机）。“SQL”为同一请求发出的语句（会话校验除外）在裸驱动上依次执行的时间；“SQL 并发吞吐”为同样多的调用者在裸驱动的连接池（10 个连接，与服务相同）上反复执行这些语句，每秒完成的次数。详见 docs/performance.md。`,
    `- 库大小：${r.storeSizeMb} MB；生成/补足数据：${round(r.seedSeconds, 1)} 秒`,
    `- 服务内存（RSS）：空闲 ${r.rss.idleMb} MB，查询压测后 ${r.rss.afterQueriesMb} MB，峰值（含导入）${r.rss.peakMb} MB`,
    '',
    '## 各项操作（毫秒）',
    '',
    '| 操作 | 用户 | 中位数 | p95 | p99 | 并发 32 吞吐（次/秒） | SQL 中位数 | SQL p95 | API ÷ SQL | SQL 并发 32 吞吐 | API 吞吐 ÷ SQL |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const o of r.ops) {
    // Older results carry no driver throughput.
    const sqlRate = o.raw?.throughput;
    lines.push(
      `| ${o.op.label} | ${o.op.user} | ${ms(o.serial.latency.median)} | ${ms(o.serial.latency.p95)} | ${ms(o.serial.latency.p99)} | ${Math.round(o.concurrent.throughput)} | ${ms(o.raw?.latency.median)} | ${ms(o.raw?.latency.p95)} | ${o.ratio === undefined ? '—' : round(o.ratio, 1)} | ${sqlRate ? Math.round(sqlRate) : '—'} | ${sqlRate ? round(o.concurrent.throughput / sqlRate, 2) : '—'} |`,
    );
  }
  lines.push(
    '',
    '## Excel',
    '',
    '| 操作 | 行数 | 文件 | 校验（秒） | 导入（秒） | 合计（秒） |',
    '| --- | --- | --- | --- | --- | --- |',
  );
  for (const i of r.imports) {
    lines.push(
      `| 导入 | ${i.rows.toLocaleString('en-US')} | ${i.fileMb} MB | ${round(i.dryRunSeconds, 1)} | ${round(i.commitSeconds, 1)} | ${round(i.totalSeconds, 1)} |`,
    );
  }
  for (const e of r.exports) {
    lines.push(
      `| 导出（${e.runs} 次中位数） | ${e.rows.toLocaleString('en-US')} | ${e.fileMb} MB | — | — | ${round(e.medianSeconds, 2)} |`,
    );
  }

  lines.push('', '## 目标', '', '| 目标 | 要求 | 实测（最差一项） | 结论 |', '| --- | --- | --- | --- |');
  for (const [group, limit] of Object.entries(t.p95Ms)) {
    const worst = r.ops
      .filter((o) => o.op.group === group)
      .reduce<OpResult | undefined>(
        (w, o) => (!w || o.serial.latency.p95 > w.serial.latency.p95 ? o : w),
        undefined,
      );
    if (!worst) continue;
    const v = worst.serial.latency.p95;
    lines.push(
      `| ${group} p95，并发 1 | ≤ ${limit} ms | ${ms(v)} ms（${worst.op.label}） | ${mark(v <= limit)} |`,
    );
  }
  const lists = r.ops.filter((o) => o.op.group === 'list');
  if (lists.length) {
    const worst = lists.reduce((w, o) => (o.concurrent.throughput < w.concurrent.throughput ? o : w));
    lines.push(
      `| 列表吞吐，并发 32 | ≥ ${t.listThroughput} 次/秒 | ${Math.round(worst.concurrent.throughput)}（${worst.op.label}） | ${mark(worst.concurrent.throughput >= t.listThroughput)} |`,
    );
  }
  const ratios = r.ops.filter(
    (o) => (o.op.group === 'search' || o.op.group === 'list') && o.ratio !== undefined,
  );
  if (ratios.length) {
    const worst = ratios.reduce((w, o) => (o.ratio! > w.ratio! ? o : w));
    lines.push(
      `| API ÷ SQL 中位数（搜索、列表） | ≤ ${t.apiToSqlRatio} | ${round(worst.ratio!, 1)}（${worst.op.label}） | ${mark(worst.ratio! <= t.apiToSqlRatio)} |`,
    );
  }
  const rates = ratios.filter((o) => o.raw?.throughput);
  if (rates.length) {
    const share = (o: (typeof rates)[number]) => o.concurrent.throughput / o.raw!.throughput;
    const worst = rates.reduce((w, o) => (share(o) < share(w) ? o : w));
    lines.push(
      `| API 吞吐 ÷ 裸驱动吞吐，并发 ${r.settings.connections}（搜索、列表） | ≥ 0.67 | ${round(share(worst), 2)}（${worst.op.label}） | ${mark(share(worst) >= 2 / 3)} |`,
    );
  }
  const big = r.imports.find((i) => i.rows === 100_000);
  if (t.import100kSeconds && big) {
    lines.push(
      `| 导入 100,000 行（校验 + 导入） | ≤ ${t.import100kSeconds} 秒 | ${round(big.totalSeconds, 1)} 秒 | ${mark(big.totalSeconds <= t.import100kSeconds)} |`,
    );
  }
  lines.push(
    `| 服务内存 RSS（查询压测后） | ≤ ${t.rssMb} MB | ${r.rss.afterQueriesMb} MB | ${mark(r.rss.afterQueriesMb <= t.rssMb)} |`,
  );
  const invalid = r.ops.filter(
    (o) => o.serial.non2xx + o.serial.errors + o.concurrent.non2xx + o.concurrent.errors > 0,
  );
  if (invalid.length) {
    lines.push(
      '',
      `注意：以下操作有非 2xx 响应或连接错误，其数字无效：${invalid.map((o) => o.op.id).join(', ')}`,
    );
  }
  lines.push('', '## 各操作的 SQL', '');
  for (const o of r.ops) {
    if (!o.raw) continue;
    lines.push(`### ${o.op.label}`, '', '```sql', ...o.raw.statements.map((s) => `${s};`), '```', '');
  }
  return `${lines.join('\n')}\n`;
}
