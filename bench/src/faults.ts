/**
 * npm run bench:faults -w @ningxin/bench -- <drill> [pglite|postgres|both] [minutes]
 *
 *   import-kill   kill -9 during the commit of a 5,000-row member import
 *   writes-kill   kill -9 during 50 concurrent writers (orgs and members)
 *   checkin-kill  kill -9 during a check-in peak by hand (the post leader checks 50 volunteers in and out)
 *   scan-kill     kill -9 during a scan peak (50 volunteers scan the post's code, half in, half out)
 *   pg-restart    PostgreSQL restarted (fast) and crashed (immediate) under steady load
 *   mixed         reads, writes, sign-ins and an import a minute on PostgreSQL, RSS each minute
 *
 * The kill drills run on PGlite (a temporary data directory) and on PostgreSQL; every PostgreSQL
 * here is a cluster of the drill's own (apps/server/test/pg-cluster.ts, port 5499), never the shared one.
 * After each kill the store is opened directly, as the restarting server would open it, and
 * checked in SQL: every acknowledged write is there, nothing is half-written (each record has its
 * audit row, its status event or ledger entry), the member rollups equal the members, the audit
 * chain verifies. Then the server is started again on it and asked the same through its API (the
 * audit verify route, the members.rollup_check job). Results are merged into
 * bench/results/faults.json and written out as faults.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { checkinKill } from './faults/checkin-kill';
import { importKill } from './faults/import-kill';
import { mixed } from './faults/mixed';
import { pgRestart } from './faults/pg-restart';
import { toMarkdown } from './faults/report';
import { scanKill } from './faults/scan-kill';
import { destroyCluster, type Kind } from './faults/target';
import { writesKill } from './faults/writes-kill';
import { BENCH_DIR } from './paths';

const RESULTS = path.join(BENCH_DIR, 'results', 'faults.json');

async function main() {
  const [drill, storeArg = 'both', minutesArg = '10'] = process.argv.slice(2);
  const kinds: Kind[] = storeArg === 'both' ? ['pglite', 'postgres'] : [storeArg as Kind];
  const record = (key: string, value: unknown) => {
    // Read again: another drill may have written its results meanwhile.
    const results: Record<string, unknown> = fs.existsSync(RESULTS)
      ? JSON.parse(fs.readFileSync(RESULTS, 'utf8'))
      : {};
    results[key] = {
      at: new Date().toISOString(),
      uptime: fs.readFileSync('/proc/loadavg', 'utf8').trim(),
      ...(value as object),
    };
    fs.writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
    fs.writeFileSync(RESULTS.replace(/\.json$/, '.md'), toMarkdown(results));
  };
  const kill = {
    'import-kill': importKill,
    'writes-kill': writesKill,
    'checkin-kill': checkinKill,
    'scan-kill': scanKill,
  }[drill ?? ''];
  try {
    if (kill) for (const kind of kinds) record(`${drill}/${kind}`, await kill(kind));
    else if (drill === 'pg-restart') record('pg-restart/postgres', await pgRestart());
    else if (drill === 'mixed') record('mixed/postgres', await mixed(Number(minutesArg)));
    else if (drill === 'md')
      fs.writeFileSync(
        RESULTS.replace(/\.json$/, '.md'),
        toMarkdown(JSON.parse(fs.readFileSync(RESULTS, 'utf8'))),
      );
    else
      throw new Error(
        'usage: faults.ts <import-kill|writes-kill|checkin-kill|scan-kill> [pglite|postgres|both] | pg-restart | mixed [minutes]',
      );
  } finally {
    destroyCluster();
  }
}

await main();
