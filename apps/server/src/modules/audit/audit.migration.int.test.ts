import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyDatabase, testStoreKind } from '../../../test/store';
import { openStore, queryRows, type Store } from '../../db/client';
import { type ChainRow, canonicalJson, GENESIS_HASH } from './audit.hash';
import { audited, verifyChain } from './audit.service';

/**
 * Migration 0012 turns the one chain into lanes. A log written before it must come through
 * whole: its rows become lane 0 at their own seq, unchanged, and still verify, and new entries
 * carry on from them.
 */
const MIGRATIONS = path.join(path.dirname(new URL(import.meta.url).pathname), '../../db/migrations');
const LANES_MIGRATION = '0012_audit_lanes';
const LEGACY_ROWS = 30;

/** The migrations folder as it was before lanes: the same files, the journal cut before 0012. */
function migrationsBeforeLanes(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ningxin-migrations-'));
  fs.mkdirSync(path.join(dir, 'meta'));
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, 'meta/_journal.json'), 'utf8'));
  const cut = journal.entries.findIndex((e: { tag: string }) => e.tag === LANES_MIGRATION);
  expect(cut).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, cut);
  fs.writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify(journal));
  for (const e of journal.entries)
    fs.copyFileSync(path.join(MIGRATIONS, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  return dir;
}

/** A row as the log stored it before lanes: no lane fields. */
type LegacyRow = Omit<ChainRow, 'lane' | 'laneSeq'>;

/** Rows as the log wrote them before lanes: one chain, hashed over `seq` and the content. */
function legacyChain(n: number): LegacyRow[] {
  const rows: LegacyRow[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const record = {
      seq,
      at: new Date(Date.UTC(2026, 10, 1, 8, 0, seq, seq * 7)),
      actorId: seq % 4 === 0 ? null : seq,
      actorName: seq % 4 === 0 ? '未知用户' : `user${seq}`,
      action: seq % 3 === 0 ? 'org.updated' : 'auth.login',
      targetType: seq % 3 === 0 ? 'org' : null,
      targetId: seq % 3 === 0 ? String(20 + seq) : null,
      targetLabel: seq % 3 === 0 ? '驻北京通州区流动党委' : null,
      before: seq % 3 === 0 ? { name: '旧名', tags: ['甲', 'b'], nested: { z: 1, a: null } } : null,
      after: seq % 3 === 0 ? { name: '新名', version: seq } : null,
      ip: '127.0.0.1',
    };
    const hash = createHash('sha256')
      .update(prevHash)
      .update('\n')
      .update(canonicalJson({ ...record, at: record.at.toISOString() }))
      .digest('hex');
    rows.push({ ...record, prevHash, hash });
    prevHash = hash;
  }
  return rows;
}

const insertLegacy = (r: LegacyRow): SQL => sql`
  insert into audit_log (seq, at, actor_id, actor_name, action, target_type, target_id, target_label,
    before, after, ip, prev_hash, hash)
  values (${r.seq}, ${r.at.toISOString()}, ${r.actorId}, ${r.actorName}, ${r.action}, ${r.targetType},
    ${r.targetId}, ${r.targetLabel}, ${r.before === null ? null : JSON.stringify(r.before)}::jsonb,
    ${r.after === null ? null : JSON.stringify(r.after)}::jsonb, ${r.ip}, ${r.prevHash}, ${r.hash})`;

/**
 * A store holding a log written before lanes, then opened as the app opens it (which applies
 * 0012). Returns the store and how to remove it.
 */
async function upgradedStore(): Promise<{ store: Store; dispose(): Promise<void> }> {
  const folder = migrationsBeforeLanes();
  const rows = legacyChain(LEGACY_ROWS);
  try {
    if (testStoreKind() === 'pglite') {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ningxin-lanes-'));
      const client = await PGlite.create(path.join(dataDir, 'pgdata'));
      const old = drizzlePglite({ client });
      await migratePglite(old, { migrationsFolder: folder });
      for (const r of rows) await old.execute(insertLegacy(r));
      await client.close();
      const store = await openStore({ dataDir });
      return {
        store,
        async dispose() {
          await store.close();
          fs.rmSync(dataDir, { recursive: true, force: true });
        },
      };
    }
    const empty = await createEmptyDatabase();
    const client = new pg.Client({ connectionString: empty.url });
    await client.connect();
    const old = drizzlePg({ client });
    await migratePg(old, { migrationsFolder: folder });
    for (const r of rows) await old.execute(insertLegacy(r));
    await client.end();
    const store = await openStore({ databaseUrl: empty.url, poolSize: 8 });
    return {
      store,
      async dispose() {
        await store.close();
        await empty.drop();
      },
    };
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

let store: Store;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ store, dispose } = await upgradedStore());
});
afterAll(() => dispose());

describe('migration 0012 (audit lanes) on a log written before it', () => {
  it('keeps every row as it was, now lane 0 at its own seq, and the chain intact', async () => {
    const stored = await queryRows<{ seq: number; lane: number; lane_seq: number; hash: string }>(
      store.db,
      sql`select seq::int, lane, lane_seq::int, hash from audit_log order by seq`,
    );
    const legacy = legacyChain(LEGACY_ROWS);
    expect(stored).toEqual(legacy.map((r) => ({ seq: r.seq, lane: 0, lane_seq: r.seq, hash: r.hash })));
    expect(await verifyChain(store.db)).toEqual({
      status: 'intact',
      rows: LEGACY_ROWS,
      lanes: 1,
      firstBrokenSeq: null,
      firstBrokenLane: null,
      reason: null,
    });
  });

  it('leaves the log append-only', async () => {
    const refused = await store.db.execute(sql`update audit_log set actor_name = 'x' where seq = 1`).then(
      () => 'updated',
      (e: Error) => String((e.cause as Error | undefined)?.message ?? e.message),
    );
    expect(refused).toContain('append-only');
  });

  it('carries on after the old rows: lane 0 continues, and the log’s numbers follow the last seq', async () => {
    await audited(store.db, { actorId: null, actorName: 'after-upgrade', ip: null }, async (_tx, audit) => {
      audit({ action: 'settings.updated', targetType: 'setting', targetId: 'x' });
    });
    const [first] = await queryRows<{ seq: number; lane: number; lane_seq: number; prev_hash: string }>(
      store.db,
      sql`select seq::int, lane, lane_seq::int, prev_hash from audit_log where actor_name = 'after-upgrade'`,
    );
    expect(first).toEqual({
      seq: LEGACY_ROWS + 1,
      lane: 0,
      lane_seq: LEGACY_ROWS + 1,
      prev_hash: legacyChain(LEGACY_ROWS).at(-1)!.hash,
    });
    // Writers at once (on PostgreSQL they take other lanes too).
    await Promise.all(
      Array.from({ length: 8 }, (_, w) =>
        (async () => {
          for (let i = 0; i < 10; i++) {
            await audited(
              store.db,
              { actorId: null, actorName: 'after-upgrade', ip: null },
              async (_tx, audit) => {
                audit({ action: 'member.updated', targetType: 'member', targetId: `${w}-${i}` });
              },
            );
          }
        })(),
      ),
    );
    expect(await verifyChain(store.db)).toMatchObject({ status: 'intact', rows: LEGACY_ROWS + 81 });
  });

  it('still finds an old row tampered with', async () => {
    let found: Awaited<ReturnType<typeof verifyChain>> | undefined;
    await store.db
      .transaction(async (tx) => {
        await tx.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
        await tx.execute(sql`update audit_log set target_label = '驻北京大兴区流动党委' where seq = 12`);
        found = await verifyChain(tx);
        throw new Error('rolled back');
      })
      .catch((err: Error) => {
        if (err.message !== 'rolled back') throw err;
      });
    expect(found).toMatchObject({
      status: 'broken',
      firstBrokenSeq: 12,
      firstBrokenLane: 0,
      reason: '记录内容与哈希不符',
    });
  });
});
