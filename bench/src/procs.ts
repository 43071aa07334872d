import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const TICKS = 100; // USER_HZ: /proc times are in hundredths of a second

/** CPU seconds (user + system) a process has used so far; 0 for one already gone. */
export function cpuSeconds(pid: number): number {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return 0;
  }
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS;
}

function pgrep(args: string[]): number[] {
  try {
    return execFileSync('pgrep', args).toString().trim().split(/\s+/).map(Number);
  } catch {
    return []; // pgrep answers 1 when nothing matches
  }
}

/** The direct children of a process. */
export const childPids = (pid: number): number[] => pgrep(['-P', String(pid)]);

/** The processes whose command line contains `text`. */
export const pidsMatching = (text: string): number[] => pgrep(['-f', '--', text]);
