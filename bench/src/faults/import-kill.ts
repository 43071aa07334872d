/** kill -9 during the commit of a 5,000-row member import. */
import { idCheckChar } from '@ningxin/shared';
import { login } from '../http';
import { memberSheetRows, xlsxFile } from '../import-files';
import { postImport } from '../import-post';
import type { ServerProcess } from '../server';
import { chineseNumber, newBranch, treeBranchParent } from './api';
import { invariantFaults, invariants, type KillRun, keepRun, serverCheck } from './checks';
import { dispose, KILLS, type Kind, start, target, withDirect } from './target';

const IMPORT_ROWS = Number(process.env.FAULTS_IMPORT_ROWS ?? 5000);

/**
 * ID regions of 石家庄 (never in the demo data), one per run, so that no run's rows collide; after
 * the eighth run the sequence numbers move on by ten (their parity, the gender, stays).
 */
const REGIONS = ['130102', '130104', '130105', '130107', '130108', '130109', '130110', '130111'];

export function* runSheet(rows: number, run: number): Generator<unknown[]> {
  const round = Math.floor(run / REGIONS.length);
  for (const row of memberSheetRows(rows, 0)) {
    const id = row[2];
    if (typeof id === 'string' && /^\d{17}[\dX]$/.test(id)) {
      const seq = String(Number(id.slice(14, 17)) + 10 * round).padStart(3, '0');
      const first17 = REGIONS[run % REGIONS.length]! + id.slice(6, 14) + seq;
      row[2] = first17 + idCheckChar(first17);
      // 17, the run in two digits, the row in seven: eleven digits.
      row[3] = `17${String(run % 100).padStart(2, '0')}${String(row[3]).slice(4)}`;
    }
    yield row;
  }
}

interface ImportOutcome {
  acknowledged: boolean;
  imported: number | null;
  commitMs: number | null;
  sawCommit: boolean;
  end: string;
}

/**
 * Posts the import with a progress stream; kills the server when the commit's `killAtBatch`-th
 * progress line arrives (one a batch of 1,000 rows, written inside the import's transaction) and
 * `killAfterMs` more have passed.
 */
export async function importWithKill(
  server: ServerProcess,
  cookie: string,
  file: Buffer,
  orgId: number,
  killAtBatch: number | null,
  killAfterMs = 0,
): Promise<ImportOutcome> {
  let commitAt: number | null = null;
  let batches = 0;
  const { imported, end } = await postImport(server.url, cookie, file, orgId, (line) => {
    if (line.type !== 'progress' || line.phase !== 'commit') return;
    commitAt ??= performance.now();
    batches++;
    if (batches === killAtBatch) setTimeout(() => void server.kill(), killAfterMs);
  });
  return {
    acknowledged: imported !== null,
    imported,
    commitMs: commitAt === null ? null : performance.now() - commitAt,
    sawCommit: commitAt !== null,
    end,
  };
}

export async function importKill(kind: Kind) {
  const t = await target(kind, 'import-kill');
  const runs: KillRun[] = [];
  let baselineCommitMs = 0;
  try {
    let server = await start(t);
    // The first run is not killed: it measures the commit, which the kills then land inside.
    for (let run = 0; run <= KILLS; run++) {
      const office = await login(server.url, 'office');
      const { parentId } = await treeBranchParent(server.url, office);
      const orgId = await newBranch(
        server.url,
        office,
        parentId,
        `导入演练流动党支部${chineseNumber(run, 2)}`,
      );
      const file = await xlsxFile('党员信息', runSheet(IMPORT_ROWS, run));
      // Spread over the commit's batches, from the first to the last (then the commit itself and
      // its answer race the kill), each a random moment after its batch was written.
      const batches = Math.ceil(IMPORT_ROWS / 1000);
      const killAtBatch =
        run === 0
          ? null
          : Math.min(batches, Math.round(1 + ((run - 1) * (batches - 1)) / Math.max(1, KILLS - 1)));
      const killAfterMs = killAtBatch === null ? null : Math.round(Math.random() * 200);
      const outcome = await importWithKill(server, office, file, orgId, killAtBatch, killAfterMs ?? 0);
      if (run === 0) {
        if (!outcome.acknowledged) throw new Error(`the uncut import failed: ${outcome.end}`);
        baselineCommitMs = outcome.commitMs!;
      }
      if (killAfterMs !== null) await server.kill();
      else await server.stop();
      const found = await withDirect(t, async (d) => {
        const [row] = await d.query(
          `select (select count(*)::int from members where org_id = $1) as members,
                  (select count(*)::int from member_status_events e join members m on m.id = e.member_id
                    where m.org_id = $1) as events,
                  (select count(*)::int from audit_log where action = 'member.imported' and target_id = $2) as audits`,
          [orgId, String(orgId)],
        );
        return { ...(row as { members: number; events: number; audits: number }), inv: await invariants(d) };
      });
      const check = await serverCheck(t);
      server = t.server!;
      const faults = [
        ...(found.members !== 0 && found.members !== IMPORT_ROWS
          ? [`${found.members} rows: neither all nor none`]
          : []),
        ...(outcome.acknowledged && found.members !== IMPORT_ROWS
          ? ['acknowledged import not all there']
          : []),
        ...(found.events !== found.members
          ? [`${found.events} status events for ${found.members} members`]
          : []),
        ...(found.audits !== (found.members ? 1 : 0) ? [`${found.audits} import audit rows`] : []),
        ...invariantFaults(found.inv, check),
      ];
      keepRun(runs, {
        run,
        killedAfterMs: killAfterMs,
        killedAtBatch: killAtBatch === null ? null : `${killAtBatch} of ${batches}`,
        acknowledged: outcome.acknowledged,
        end: outcome.end,
        rowsFound: found.members,
        outcome: found.members === IMPORT_ROWS ? 'all' : found.members === 0 ? 'none' : 'partial',
        invariants: found.inv,
        server: check,
        faults,
      });
    }
  } finally {
    await dispose(t);
  }
  return { rows: IMPORT_ROWS, baselineCommitMs: Math.round(baselineCommitMs), runs };
}
