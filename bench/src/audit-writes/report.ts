/** The audit-writes benchmark's report: the shape of its results and their Markdown page. */
import type { StoreKind } from '../../../apps/server/src/db/client';
import type { machineInfo } from '../report';
import { type Latency, round } from '../stats';
import { ATTENDEES } from './setup';

export interface Level {
  connections: number;
  writes: number;
  seconds: number;
  writesPerSecond: number;
  errors: number;
  firstError: string | null;
  latency: Latency;
}

export interface StoreRun {
  store: StoreKind;
  version: string;
  settings: Record<string, string>;
  /** Audited writes (the update and its audit entry). */
  levels: Level[];
  /** The same update without an audit entry. */
  reference: Level[];
  verify: { status: string; rows: number; lanes?: number | undefined };
}

export interface Run {
  label: string;
  date: string;
  machine: ReturnType<typeof machineInfo>;
  loadAverage: number[];
  secondsPerLevel: number;
  rounds: number;
  stores: StoreRun[];
}

export interface Results {
  runs: Run[];
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
