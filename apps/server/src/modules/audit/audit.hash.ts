import { createHash } from 'node:crypto';
import { storableText } from '@ningxin/shared';

/** The previous hash of each lane's first row. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditRecord {
  /** The entry's number in the log's order. */
  seq: number;
  /** The chain (lane) the entry is in, and its place there: 1, 2, 3… */
  lane: number;
  laneSeq: number;
  at: Date;
  actorId: number | null;
  actorName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  targetLabel: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

/** A JSON value with every string (keys too) in the form jsonb keeps (see storableText). */
export function storableJson(value: unknown): unknown {
  if (typeof value === 'string') return storableText(value);
  if (Array.isArray(value)) return value.map(storableJson);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [storableText(k), storableJson(v)]),
    );
  }
  return value;
}

/** JSON with object keys sorted at every level, so jsonb's own key order does not matter. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * What a row's hash covers: every stored field but the hashes. Rows written before the log had
 * lanes carry no lane fields in their hashed content; such a row is lane 0 at its own seq, so the
 * two are left out exactly when they are 0 and `seq` (which keeps those rows' hashes valid, and
 * still makes the content differ whenever the lane or the place in it does).
 */
export function hashedContent(record: AuditRecord): Record<string, unknown> {
  const { lane, laneSeq, ...rest } = record;
  const position = lane === 0 && laneSeq === record.seq ? {} : { lane, laneSeq };
  return { ...rest, ...position, at: record.at.toISOString() };
}

/** The hash function of a row: SHA-256, or SM3 in the 国密 suite (its hashes carry `sm3:`). */
export type ChainAlgorithm = 'sha256' | 'sm3';
const SM3_PREFIX = 'sm3:';
let writeAlgorithm: ChainAlgorithm = 'sha256';

/**
 * The algorithm rows appended from now on are hashed with: one per process, set when the app is
 * built from CRYPTO_SUITE. Rows keep the algorithm they were written with, so a log that moves to
 * SM3 verifies as one chain: its SHA-256 rows, then its SM3 rows.
 */
export function useChainAlgorithm(algorithm: ChainAlgorithm): void {
  writeAlgorithm = algorithm;
}

/** The algorithm a stored hash was made with. */
export const algorithmOf = (hash: string): ChainAlgorithm => (hash.startsWith(SM3_PREFIX) ? 'sm3' : 'sha256');

/** The hash of a row: over the previous row's hash (in its lane) and the row's content. */
export function auditHash(prevHash: string, record: AuditRecord, algorithm = writeAlgorithm): string {
  const digest = createHash(algorithm)
    .update(prevHash)
    .update('\n')
    .update(canonicalJson(hashedContent(record)))
    .digest('hex');
  return algorithm === 'sm3' ? `${SM3_PREFIX}${digest}` : digest;
}

export interface ChainRow extends AuditRecord {
  prevHash: string;
  hash: string;
}

export type ChainCheck = { ok: true } | { ok: false; reason: string };

/** Checks one row against the row before it in its lane (null for the lane's first row). */
export function checkLink(previous: Pick<ChainRow, 'laneSeq' | 'hash'> | null, row: ChainRow): ChainCheck {
  const expectedSeq = previous ? previous.laneSeq + 1 : 1;
  if (row.laneSeq !== expectedSeq)
    return { ok: false, reason: `序号不连续：应为 ${expectedSeq}，实为 ${row.laneSeq}` };
  const expectedPrev = previous ? previous.hash : GENESIS_HASH;
  if (row.prevHash !== expectedPrev) return { ok: false, reason: '前序哈希与上一条记录不符' };
  const { prevHash: _p, hash: _h, ...record } = row;
  if (auditHash(row.prevHash, record, algorithmOf(row.hash)) !== row.hash)
    return { ok: false, reason: '记录内容与哈希不符' };
  return { ok: true };
}

/**
 * Checks rows given in chain order (by lane, then place in the lane), from the database or from an
 * audit backup. `add` answers false at a lane's first broken row: the rest of that lane cannot be
 * vouched for, and its rows are ignored until the next lane begins.
 */
export function chainWalk() {
  let previous: ChainRow | null = null;
  let lane: number | null = null;
  let laneBroken = false;
  let rows = 0;
  const lanes = new Set<number>();
  let broken: { seq: number; lane: number; reason: string } | null = null;
  return {
    add(row: ChainRow): boolean {
      if (row.lane !== lane) {
        lane = row.lane;
        previous = null;
        laneBroken = false;
      }
      lanes.add(row.lane);
      if (laneBroken) return false;
      const check = checkLink(previous, row);
      if (!check.ok) {
        if (!broken || row.seq < broken.seq) broken = { seq: row.seq, lane: row.lane, reason: check.reason };
        laneBroken = true;
        return false;
      }
      previous = row;
      rows++;
      return true;
    },
    result() {
      return {
        status: broken ? ('broken' as const) : ('intact' as const),
        rows,
        lanes: lanes.size,
        firstBrokenSeq: broken?.seq ?? null,
        firstBrokenLane: broken?.lane ?? null,
        reason: broken?.reason ?? null,
      };
    },
  };
}
