import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './paths';

/** The server as a separate process, as it runs in production (no web build needed). */
export interface ServerProcess {
  url: string;
  pid: number;
  /** Resident memory now and at its peak, in MB, from /proc. */
  memory(): { rssMb: number; peakRssMb: number };
  stop(): Promise<void>;
  /** SIGKILL: no shutdown, no checkpoint; resolves once the process is gone. */
  kill(): Promise<void>;
  /** What the process wrote to stdout and stderr. */
  output(): string;
}

function procStatusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return Math.round(kb / 1024);
}

/**
 * The built server (apps/server/dist), built first, as `npm start` runs it. A checkout from before
 * the server had a build (another commit's, for a side-by-side run) runs its sources through tsx.
 */
function serverArgs(serverDir: string): string[] {
  const buildScript = path.join(serverDir, 'scripts/build.mjs');
  if (!fs.existsSync(buildScript)) return ['--import', 'tsx', 'src/main.ts'];
  // Once a run: several instances of one checkout share its build.
  if (!built.has(serverDir))
    execFileSync(process.execPath, [buildScript], { cwd: serverDir, stdio: 'ignore' });
  built.add(serverDir);
  return ['dist/main.js'];
}
const built = new Set<string>();

export async function startServer(
  env: Record<string, string>,
  port: number,
  /** How long it may take to answer (seeding the demo committee on a busy machine takes minutes). */
  timeoutMs = 120_000,
  /** The checkout whose server runs (another one's, to compare two commits in one run). */
  root = ROOT,
): Promise<ServerProcess> {
  const serverDir = path.join(root, 'apps/server');
  const child: ChildProcess = spawn(process.execPath, serverArgs(serverDir), {
    cwd: serverDir,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      SEED_DEMO: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not answer within ${timeoutMs / 1000} s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const pid = child.pid!;
  return {
    url,
    pid,
    memory: () => ({ rssMb: procStatusMb(pid, 'VmRSS'), peakRssMb: procStatusMb(pid, 'VmHWM') }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
    kill: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
    output: () => output,
  };
}
