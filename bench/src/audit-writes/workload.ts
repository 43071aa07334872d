/** The audit-writes benchmark's workload: the sign-in write with and without its audit entry, run by concurrent writers. */
import { sql } from 'drizzle-orm';
import { type Executor, queryRows, type Store } from '../../../apps/server/src/db/client';
import { latencyOf, round } from '../stats';
import type { Level } from './report';
import type { Variant } from './setup';

export type Write = () => Promise<void>;

/** The sign-in's update of one attendance row; its row for the audit entry. */
async function signInRow(tx: Executor, id: number) {
  const [row] = await queryRows<{ member_id: number; member_name: string; version: number }>(
    tx,
    sql`update bench_attendance set signed_in_at = now(), version = version + 1
        where id = ${id} returning member_id, member_name, version`,
  );
  return row!;
}

/** One audited write: the sign-in's update and its audit entry, in one transaction. */
export function signIn(store: Store, appendAudit: Variant['appendAudit'], next: () => number): Write {
  return async () => {
    const id = next();
    await store.db.transaction(async (tx) => {
      const row = await signInRow(tx, id);
      await appendAudit(
        tx,
        { actorId: row.member_id, actorName: `m${row.member_id}`, ip: '10.0.0.8' },
        {
          action: 'member.updated',
          targetType: 'member',
          targetId: row.member_id,
          targetLabel: row.member_name,
          before: { signedIn: false, version: row.version - 1 },
          after: { signedIn: true, version: row.version },
        },
      );
    });
  };
}

/** The same update without an audit entry: what the machine allows a write of this size. */
export function signInUnaudited(store: Store, next: () => number): Write {
  return async () => {
    const id = next();
    await store.db.transaction(async (tx) => {
      await signInRow(tx, id);
    });
  };
}

export interface Samples {
  latencies: number[];
  seconds: number;
  errors: number;
  firstError: string | null;
}

/** `connections` writers for `seconds`, each starting its next write when the last one ends. */
export async function runFor(
  write: Write,
  connections: number,
  seconds: number,
  into: Samples,
): Promise<void> {
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        try {
          await write();
          into.latencies.push(performance.now() - t0);
        } catch (err) {
          into.errors++;
          into.firstError ??= String((err as { cause?: Error }).cause?.message ?? (err as Error).message);
        }
      }
    }),
  );
  into.seconds += (performance.now() - started) / 1000;
}

export function levelOf(connections: number, s: Samples): Level {
  return {
    connections,
    writes: s.latencies.length,
    seconds: round(s.seconds, 2),
    writesPerSecond: round(s.latencies.length / s.seconds, 1),
    errors: s.errors,
    firstError: s.firstError,
    latency: latencyOf(s.latencies),
  };
}

export const emptySamples = (): Samples => ({ latencies: [], seconds: 0, errors: 0, firstError: null });
