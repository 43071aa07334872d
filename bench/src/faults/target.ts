/** The store a drill runs on (a temporary PGlite data directory or a database of the drill's own
 * PostgreSQL cluster) and the server started on it. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type OwnCluster, ownCluster } from '../../../apps/server/test/pg-cluster';
import { type ServerProcess, startServer } from '../server';
import { type BenchStoreOptions, type DirectStore, openDirect, storeEnv } from '../store';

const PORT = Number(process.env.FAULTS_PORT ?? 3297);
export const KILLS = Number(process.env.FAULTS_KILLS ?? 5);
export const WRITERS = 50;
// The check-in peak places 50 members for each of its 6 runs (one uncut, five killed): 300 on the rolls.
const DEMO_MEMBERS = 400;

export type Kind = 'pglite' | 'postgres';

export interface Target {
  kind: Kind;
  opts: BenchStoreOptions;
  env: Record<string, string>;
  server?: ServerProcess;
}

let cluster: OwnCluster | undefined;
export async function pgCluster(): Promise<OwnCluster> {
  cluster ??= await ownCluster(Number(process.env.FAULTS_PG_PORT ?? 5499));
  return cluster;
}

export function destroyCluster() {
  cluster?.destroy();
}

export async function target(kind: Kind, drill: string, env: Record<string, string> = {}): Promise<Target> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `ningxin-faults-${drill}-`));
  const pgUrl =
    kind === 'postgres'
      ? await (await pgCluster()).createDatabase(`faults_${drill.replaceAll('-', '_')}`)
      : undefined;
  const opts: BenchStoreOptions = { dataDir, pgUrl, members: DEMO_MEMBERS };
  return {
    kind,
    opts,
    env: {
      ...storeEnv(opts),
      SEED_DEMO: 'true',
      SEED_DEMO_MEMBERS: String(DEMO_MEMBERS),
      JOBS_ENABLED: 'false',
      ADMIN_TWO_FACTOR: 'optional',
      ...env,
    },
  };
}

export async function start(t: Target): Promise<ServerProcess> {
  t.server = await startServer(t.env, PORT, 600_000);
  return t.server;
}

export async function withDirect<T>(t: Target, fn: (d: DirectStore) => Promise<T>): Promise<T> {
  const d = await openDirect(t.opts);
  try {
    return await fn(d);
  } finally {
    await d.close();
  }
}

export async function dispose(t: Target) {
  await t.server?.stop();
  fs.rmSync(t.opts.dataDir, { recursive: true, force: true });
}
