import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './server-process';

const run = promisify(execFile);
const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/**
 * A throw-away PostgreSQL cluster of a test's or a drill's own, in a temporary directory on its
 * own port, which it may stop, restart and crash (never the shared cluster on 5432). Trust
 * authentication on 127.0.0.1 only. The server processes run as the operating system's
 * `postgres` user when the caller runs as root (initdb refuses root). Used by the replica test
 * (a primary and its streaming standby) and by bench's fault drills and instances.
 */
export interface OwnCluster {
  port: number;
  url(database: string): string;
  createDatabase(name: string): Promise<string>;
  /** `pg_ctl restart -m fast`: sessions are ended (57P01), the cluster comes back. */
  restart(mode: 'fast' | 'immediate'): Promise<void>;
  stop(mode: 'fast' | 'immediate'): Promise<void>;
  start(): Promise<void>;
  /** A streaming standby of this cluster (`pg_basebackup -R`), started on its own port. */
  standby(port?: number): Promise<OwnCluster>;
  destroy(): void;
}

const asRoot = process.getuid?.() === 0;
const as = (cmd: string, args: string[]) =>
  asRoot ? run('runuser', ['-u', 'postgres', '--', cmd, ...args]) : run(cmd, args);

/** A temporary directory the server processes own. */
function ownedDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ningxin-pg-'));
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    fs.chownSync(dir, uid, gid);
  }
  return dir;
}

/**
 * A new cluster (initdb), started; on a free port unless one is given. `settings`: more server
 * settings (`name=value`), which a standby made of it takes too (`fsync=off` for a test's
 * throw-away data: a standby's start then skips syncing the copied directory, ~2 s).
 */
export async function ownCluster(port?: number, settings: readonly string[] = []): Promise<OwnCluster> {
  const dir = ownedDir();
  const data = path.join(dir, 'data');
  await as(`${BIN}/initdb`, [
    '-D',
    data,
    '-A',
    'trust',
    '-U',
    'postgres',
    '-E',
    'UTF8',
    '--locale=C',
    '--no-sync',
  ]);
  return started(dir, port ?? (await freePort()), settings);
}

/** Controls the cluster in `dir`/data and starts it on `port`. */
async function started(dir: string, port: number, settings: readonly string[]): Promise<OwnCluster> {
  if (port === 5432) throw new Error('5432 is the shared cluster: a cluster of its own uses another port');
  const data = path.join(dir, 'data');
  const options = [
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=60`,
    ...settings.map((s) => `-c ${s}`),
  ].join(' ');
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
    async standby(standbyPort) {
      const copy = ownedDir();
      // -R writes standby.signal and the primary's address: the copy starts as a hot standby
      // streaming from this cluster.
      await as(`${BIN}/pg_basebackup`, [
        ...['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres'],
        ...['-D', path.join(copy, 'data'), '-R', '-X', 'stream', '-c', 'fast', '--no-sync'],
      ]);
      return started(copy, standbyPort ?? (await freePort()), settings);
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
