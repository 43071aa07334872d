import { describe, expect, it } from 'vitest';
import {
  type AuditRecord,
  auditHash,
  type ChainAlgorithm,
  type ChainRow,
  canonicalJson,
  checkLink,
  GENESIS_HASH,
  hashedContent,
} from './audit.hash';

/** The row at `seq` in the log; in lane 0 at its own seq unless said otherwise. */
function record(seq: number, overrides: Partial<AuditRecord> = {}): AuditRecord {
  return {
    seq,
    lane: 0,
    laneSeq: seq,
    at: new Date(Date.UTC(2026, 0, 1, 8, 0, seq)),
    actorId: 4,
    actorName: 'office',
    action: 'org.updated',
    targetType: 'org',
    targetId: String(20 + seq),
    targetLabel: '建筑业流动党支部',
    before: { name: '旧名', version: seq },
    after: { name: '新名', version: seq + 1 },
    ip: '127.0.0.1',
    ...overrides,
  };
}

/**
 * A valid chain of n rows in one lane, linked as appendAudit links them. In lane 0 each row is
 * at its own seq (as rows written before lanes are); in another lane the log's seqs run on
 * from 100 with gaps, as they do when other lanes and rolled-back writes take numbers between.
 */
function chain(
  n: number,
  lane = 0,
  algorithmAt: (laneSeq: number) => ChainAlgorithm = () => 'sha256',
): ChainRow[] {
  const rows: ChainRow[] = [];
  let prevHash = GENESIS_HASH;
  for (let laneSeq = 1; laneSeq <= n; laneSeq++) {
    const r = record(lane === 0 ? laneSeq : 100 + 3 * laneSeq, { lane, laneSeq });
    const hash = auditHash(prevHash, r, algorithmAt(laneSeq));
    rows.push({ ...r, prevHash, hash });
    prevHash = hash;
  }
  return rows;
}

/** Checks rows in the order given, as the verifier walks a lane; the first failure or ok. */
function walk(rows: ChainRow[]) {
  let previous: ChainRow | null = null;
  for (const row of rows) {
    const check = checkLink(previous, row);
    if (!check.ok) return { laneSeq: row.laneSeq, reason: check.reason };
    previous = row;
  }
  return 'intact';
}

describe('canonicalJson', () => {
  it('does not depend on key order, at any depth', () => {
    const a = { b: 1, a: { y: [1, { d: 2, c: 3 }], x: '凝心' } };
    const b = { a: { x: '凝心', y: [1, { c: 3, d: 2 }] }, b: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(b)).toBe('{"a":{"x":"凝心","y":[1,{"c":3,"d":2}]},"b":1}');
  });

  it('keeps array order, which is meaning', () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });

  it('reads like the jsonb it came from: no undefined keys, dates as ISO strings, null for nothing', () => {
    expect(canonicalJson({ a: 1, gone: undefined })).toBe('{"a":1}');
    expect(canonicalJson(new Date('2026-01-01T00:00:00Z'))).toBe('"2026-01-01T00:00:00.000Z"');
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson('a"b')).toBe('"a\\"b"');
  });
});

describe('auditHash', () => {
  it('gives a row written before lanes (lane 0 at its own seq) the hash it was stored with', () => {
    const r = record(7, {
      targetId: '27',
      before: { name: '旧名', version: 7 },
      after: { name: '新名', version: 8 },
    });
    // The digest the log computed for this row before it had lanes.
    expect(auditHash(GENESIS_HASH, r)).toBe(
      'e2fa5ab8d89e4898895179934d04d98e813866f55579ea3eb1894bd0c846ef9d',
    );
    expect(Object.keys(hashedContent(r))).not.toContain('lane');
  });

  it('covers the lane and the place in it whenever they are not those of a row before lanes', () => {
    const r = record(7);
    const h = auditHash(GENESIS_HASH, r);
    for (const position of [{ lane: 3 }, { laneSeq: 6 }, { lane: 3, laneSeq: 6 }, { seq: 8 }]) {
      expect(auditHash(GENESIS_HASH, { ...r, ...position }), JSON.stringify(position)).not.toBe(h);
    }
    const moved = { ...r, lane: 3, laneSeq: 2 };
    expect(auditHash(GENESIS_HASH, { ...moved, lane: 4 })).not.toBe(auditHash(GENESIS_HASH, moved));
    expect(auditHash(GENESIS_HASH, { ...moved, laneSeq: 3 })).not.toBe(auditHash(GENESIS_HASH, moved));
  });

  it('is a SHA-256 hex digest that changes with the previous hash and with any field', () => {
    const r = record(1);
    const h = auditHash(GENESIS_HASH, r);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(auditHash(GENESIS_HASH, { ...r })).toBe(h);
    expect(auditHash('1'.repeat(64), r)).not.toBe(h);
    expect(auditHash(GENESIS_HASH, { ...r, after: { version: 2, name: '新名' } })).toBe(h); // same content
    for (const change of [
      { seq: 2 },
      { at: new Date(r.at.getTime() + 1) },
      { actorId: 5 },
      { actorName: 'admin' },
      { action: 'org.closed' },
      { targetId: '99' },
      { before: null },
      { after: { name: '另一个名' } },
      { ip: '10.0.0.1' },
    ]) {
      expect(auditHash(GENESIS_HASH, { ...r, ...change }), JSON.stringify(change)).not.toBe(h);
    }
  });
});

describe('checkLink', () => {
  it('finds a valid chain intact, starting from the genesis hash, in lane 0 and in any other', () => {
    const rows = chain(5);
    expect(rows[0]!.prevHash).toBe(GENESIS_HASH);
    expect(walk(rows)).toBe('intact');
    const lane = chain(5, 7);
    expect(lane.map((r) => r.seq)).toEqual([103, 106, 109, 112, 115]);
    expect(walk(lane)).toBe('intact');
  });

  it('detects a row moved into another lane, or the whole lane renamed', () => {
    const three = chain(3, 3);
    const five = chain(3, 5);
    // Taken out of lane 3 and put after lane 5's last row, numbered to fit there.
    const moved = { ...three[1]!, lane: 5, laneSeq: 4 };
    expect(walk([three[0]!, three[2]!])).toEqual({ laneSeq: 3, reason: '序号不连续：应为 2，实为 3' });
    expect(walk([...five, moved])).toEqual({ laneSeq: 4, reason: '前序哈希与上一条记录不符' });
    // Even with the links patched, the lane is part of what was hashed.
    expect(walk([...five, { ...moved, prevHash: five[2]!.hash }])).toEqual({
      laneSeq: 4,
      reason: '记录内容与哈希不符',
    });
    expect(walk(three.map((r) => ({ ...r, lane: 4 })))).toEqual({ laneSeq: 1, reason: '记录内容与哈希不符' });
  });

  it('detects an edited row by its content', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2]!, after: { name: '篡改', version: 4 } };
    expect(walk(rows)).toEqual({ laneSeq: 3, reason: '记录内容与哈希不符' });
    const lane = chain(5, 2);
    lane[2] = { ...lane[2]!, targetLabel: '另一个支部' };
    expect(walk(lane)).toEqual({ laneSeq: 3, reason: '记录内容与哈希不符' });
  });

  it('detects an edited row even when its own hash is recomputed, at the next row', () => {
    const rows = chain(5);
    const { prevHash, hash: _old, ...content } = rows[2]!;
    const forged = { ...content, actorName: 'someone' };
    rows[2] = { ...forged, prevHash, hash: auditHash(prevHash, forged) };
    expect(walk(rows)).toEqual({ laneSeq: 4, reason: '前序哈希与上一条记录不符' });
  });

  it('detects a changed log number (seq), which would move the row in the list', () => {
    const lane = chain(4, 6);
    lane[1] = { ...lane[1]!, seq: lane[1]!.seq + 1 };
    expect(walk(lane)).toEqual({ laneSeq: 2, reason: '记录内容与哈希不符' });
  });

  it('detects a removed row as a gap in the sequence', () => {
    const rows = chain(5);
    rows.splice(2, 1);
    expect(walk(rows)).toEqual({ laneSeq: 4, reason: '序号不连续：应为 3，实为 4' });
    expect(walk(chain(3).slice(1))).toEqual({ laneSeq: 2, reason: '序号不连续：应为 1，实为 2' });
    expect(walk(chain(3, 9).slice(1))).toEqual({ laneSeq: 2, reason: '序号不连续：应为 1，实为 2' });
  });

  it('detects reordered rows', () => {
    const rows = chain(5);
    [rows[1], rows[2]] = [rows[2]!, rows[1]!];
    expect(walk(rows)).toEqual({ laneSeq: 3, reason: '序号不连续：应为 2，实为 3' });
  });

  it('detects reordered rows renumbered to hide the swap, by the previous hash', () => {
    for (const lane of [0, 4]) {
      const rows = chain(5, lane);
      const [second, third] = [rows[1]!, rows[2]!];
      rows[1] = { ...third, laneSeq: 2 };
      rows[2] = { ...second, laneSeq: 3 };
      expect(walk(rows)).toEqual({ laneSeq: 2, reason: '前序哈希与上一条记录不符' });
    }
  });

  it('detects a wrong previous hash, also on the first row', () => {
    const rows = chain(3);
    rows[1] = { ...rows[1]!, prevHash: 'f'.repeat(64) };
    expect(walk(rows)).toEqual({ laneSeq: 2, reason: '前序哈希与上一条记录不符' });
    const first = chain(1);
    first[0] = { ...first[0]!, prevHash: 'f'.repeat(64) };
    expect(walk(first)).toEqual({ laneSeq: 1, reason: '前序哈希与上一条记录不符' });
  });
});

describe('the 国密 suite’s chain (SM3)', () => {
  it('hashes with SM3 and marks it, and a log that moves from SHA-256 to SM3 verifies as one chain', () => {
    const rows = chain(6, 3, (laneSeq) => (laneSeq > 3 ? 'sm3' : 'sha256'));
    expect(rows.map((r) => r.hash.startsWith('sm3:'))).toEqual([false, false, false, true, true, true]);
    expect(rows[3]!.hash).toMatch(/^sm3:[0-9a-f]{64}$/);
    expect(rows[3]!.hash.slice(4)).not.toBe(auditHash(rows[3]!.prevHash, rows[3]!, 'sha256'));
    expect(walk(rows)).toBe('intact');
  });

  it('finds an edited SM3 row, and an SM3 row relabelled as SHA-256', () => {
    const rows = chain(4, 0, () => 'sm3');
    const edited = rows.map((r, i) => (i === 2 ? { ...r, targetLabel: '改过的' } : r));
    expect(walk(edited)).toEqual({ laneSeq: 3, reason: '记录内容与哈希不符' });
    const relabelled = rows.map((r, i) => (i === 1 ? { ...r, hash: r.hash.slice(4) } : r));
    expect(walk(relabelled)).toEqual({ laneSeq: 2, reason: '记录内容与哈希不符' });
  });
});
