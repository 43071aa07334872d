/** What every kill drill checks after the kill: in SQL on the store, and through the restarted
 * server's API. */
import { verifyChain } from '../../../apps/server/src/modules/audit/audit.service';
import { rollupsRepository } from '../../../apps/server/src/modules/members/counts/members.rollups.repository';
import { login } from '../http';
import { round } from '../stats';
import type { DirectStore } from '../store';
import { call, must } from './api';
import { start, type Target } from './target';

export interface Invariants {
  rollupGroups: number;
  rollupMismatches: number;
  chain: 'intact' | 'broken';
  auditRows: number;
}

export async function invariants(d: DirectStore): Promise<Invariants> {
  const rollups = await rollupsRepository.compareWithMembers(d.store.db);
  const chain = await verifyChain(d.store.db);
  return {
    rollupGroups: rollups.groups,
    rollupMismatches: rollups.mismatches,
    chain: chain.status,
    auditRows: chain.rows,
  };
}

export interface ServerCheck {
  restartSeconds: number;
  verify: string;
  rollupJob: string;
}

/** The restarted server's own word: the audit verify route and the rollup check job. */
export async function serverCheck(t: Target): Promise<ServerCheck> {
  const started = performance.now();
  const server = await start(t);
  const restartSeconds = round((performance.now() - started) / 1000, 1);
  const auditor = await login(server.url, 'auditor');
  const verify = await must(call(server.url, auditor, 'GET', '/api/v1/audit/verify'), 'audit verify');
  const admin = await login(server.url, 'admin');
  const job = await must(
    call(server.url, admin, 'POST', '/api/v1/jobs/members.rollup_check/run'),
    'rollup check',
  );
  return {
    restartSeconds,
    verify: verify.body.status,
    rollupJob: job.body.outcome === 'succeeded' ? `succeeded (${job.body.rows} groups)` : job.body.error,
  };
}

/** What a kill run found: the drill's own figures (any keys) beside the checks every drill makes. */
interface KillRunFound {
  run: number;
  killedAfterMs: number | null;
  [key: string]: unknown;
  invariants: Invariants;
  server: ServerCheck;
  faults: string[];
}

export interface KillRun extends KillRunFound {
  ok: boolean;
}

/** Keeps a run's outcome (ok when it found no fault) and prints it as a line of JSON. */
export function keepRun(runs: KillRun[], { faults, ...run }: KillRunFound) {
  runs.push({ ...run, ok: faults.length === 0, faults });
  console.log(JSON.stringify(runs.at(-1)));
}

export const invariantFaults = (i: Invariants, s: ServerCheck) => [
  ...(i.rollupMismatches ? [`${i.rollupMismatches} rollup groups differ`] : []),
  ...(i.chain !== 'intact' ? ['audit chain broken'] : []),
  ...(s.verify !== 'intact' ? ['audit verify route: broken'] : []),
  ...(!s.rollupJob.startsWith('succeeded') ? [`rollup job: ${s.rollupJob}`] : []),
];
