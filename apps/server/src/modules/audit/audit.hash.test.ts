import { describe, expect, it } from 'vitest';
import {
  type AuditRecord,
  auditHash,
  type ChainRow,
  canonicalJson,
  checkLink,
  GENESIS_HASH,
} from './audit.hash';

function record(seq: number, overrides: Partial<AuditRecord> = {}): AuditRecord {
  return {
    seq,
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

/** A valid chain of n rows, linked as appendAudit links them. */
function chain(n: number): ChainRow[] {
  const rows: ChainRow[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const r = record(seq);
    const hash = auditHash(prevHash, r);
    rows.push({ ...r, prevHash, hash });
    prevHash = hash;
  }
  return rows;
}

/** Checks rows in the order given, as the verifier walks them; the first failure or ok. */
function walk(rows: ChainRow[]) {
  let previous: ChainRow | null = null;
  for (const row of rows) {
    const check = checkLink(previous, row);
    if (!check.ok) return { seq: row.seq, reason: check.reason };
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
  it('finds a valid chain intact, starting from the genesis hash', () => {
    const rows = chain(5);
    expect(rows[0]!.prevHash).toBe(GENESIS_HASH);
    expect(walk(rows)).toBe('intact');
  });

  it('detects an edited row by its content', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2]!, after: { name: '篡改', version: 4 } };
    expect(walk(rows)).toEqual({ seq: 3, reason: '记录内容与哈希不符' });
  });

  it('detects an edited row even when its own hash is recomputed, at the next row', () => {
    const rows = chain(5);
    const { prevHash, hash: _old, ...content } = rows[2]!;
    const forged = { ...content, actorName: 'someone' };
    rows[2] = { ...forged, prevHash, hash: auditHash(prevHash, forged) };
    expect(walk(rows)).toEqual({ seq: 4, reason: '前序哈希与上一条记录不符' });
  });

  it('detects a removed row as a gap in the sequence', () => {
    const rows = chain(5);
    rows.splice(2, 1);
    expect(walk(rows)).toEqual({ seq: 4, reason: '序号不连续：应为 3，实为 4' });
    expect(walk(chain(3).slice(1))).toEqual({ seq: 2, reason: '序号不连续：应为 1，实为 2' });
  });

  it('detects reordered rows', () => {
    const rows = chain(5);
    [rows[1], rows[2]] = [rows[2]!, rows[1]!];
    expect(walk(rows)).toEqual({ seq: 3, reason: '序号不连续：应为 2，实为 3' });
  });

  it('detects reordered rows renumbered to hide the swap, by the previous hash', () => {
    const rows = chain(5);
    const [second, third] = [rows[1]!, rows[2]!];
    rows[1] = { ...third, seq: 2 };
    rows[2] = { ...second, seq: 3 };
    expect(walk(rows)).toEqual({ seq: 2, reason: '前序哈希与上一条记录不符' });
  });

  it('detects a wrong previous hash, also on the first row', () => {
    const rows = chain(3);
    rows[1] = { ...rows[1]!, prevHash: 'f'.repeat(64) };
    expect(walk(rows)).toEqual({ seq: 2, reason: '前序哈希与上一条记录不符' });
    const first = chain(1);
    first[0] = { ...first[0]!, prevHash: 'f'.repeat(64) };
    expect(walk(first)).toEqual({ seq: 1, reason: '前序哈希与上一条记录不符' });
  });
});
