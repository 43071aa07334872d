import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/**
 * A throw-away PostgreSQL cluster of the fault drills' own, in a temporary directory on its own
 * port, which the drills may stop, restart and crash (never the shared cluster on 5432). Trust
 * authentication on 127.0.0.1 only. The server processes run as the operating system's
 * `postgres` user when the drill runs as root (initdb refuses root).
 */
export interface OwnCluster {
  port: number;
  url(database: string): string;
  createDatabase(name: string): Promise<string>;
  /** `pg_ctl restart -m fast`: sessions are ended (57P01), the cluster comes back. */
  restart(mode: 'fast' | 'immediate'): Promise<void>;
  stop(mode: 'fast' | 'immediate'): Promise<void>;
  start(): Promise<void>;
  destroy(): void;
}

export async function ownCluster(port = Number(process.env.FAULTS_PG_PORT ?? 5499)): Promise<OwnCluster> {
  if (port === 5432) throw new Error('5432 is the shared cluster: the drills use a port of their own');
  const asRoot = process.getuid?.() === 0;
  const as = (cmd: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', cmd, ...args]) : run(cmd, args);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ningxin-faults-pg-'));
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    fs.chownSync(dir, uid, gid);
  }
  const data = path.join(dir, 'data');
  await as(`${BIN}/initdb`, ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=60`;
  const ctl = (...args: string[]) =>
    as(`${BIN}/pg_ctl`, ['-D', data, '-l', path.join(dir, 'log'), '-w', '-t', '120', ...args]);
  let running = false;
  const cluster: OwnCluster = {
    port,
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    async createDatabase(name) {
      await as(`${BIN}/createdb`, ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', name]);
      return cluster.url(name);
    },
    restart: async (mode) => {
      await ctl('-m', mode, '-o', options, 'restart');
    },
    stop: async (mode) => {
      await ctl('-m', mode, 'stop');
      running = false;
    },
    start: async () => {
      await ctl('-o', options, 'start');
      running = true;
    },
    destroy() {
      process.off('exit', cleanUp);
      cleanUp();
    },
  };
  function cleanUp() {
    if (running) {
      try {
        const args = ['-D', data, '-m', 'immediate', 'stop'];
        if (asRoot) execFileSync('runuser', ['-u', 'postgres', '--', `${BIN}/pg_ctl`, ...args]);
        else execFileSync(`${BIN}/pg_ctl`, args);
      } catch {
        // already stopped
      }
      running = false;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
  process.on('exit', cleanUp);
  // Interrupted: exit through the 'exit' handler, which stops the cluster.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
  await cluster.start();
  return cluster;
}
