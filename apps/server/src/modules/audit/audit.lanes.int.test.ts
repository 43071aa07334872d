import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { uniqueUsername } from '../../../test/factories';
import { openStore, queryRows, type Store } from '../../db/client';
import { type AuditContext, audited, verifyChain } from './audit.service';

/**
 * The log under concurrent writers: on PostgreSQL 32 connections append at once and spread over
 * lanes; on PGlite (one connection) every append is lane 0. Either way the chain verifies, each
 * lane is gapless, the list pages newest first over all lanes, and tampering in any lane shows.
 */
let t: TestApp;
let auditor: string;
/** A store of its own on PostgreSQL, with a connection for each writer; the app's store on PGlite. */
let writers: Store;
const WRITERS = 32;
const ENTRIES = 50;

beforeAll(async () => {
  t = await createTestApp({}, { members: 50 });
  auditor = await t.login('auditor');
  const url = (t.store as Store & { url?: string }).url;
  writers = url ? await openStore({ databaseUrl: url, poolSize: WRITERS }) : t.store;
});
afterAll(async () => {
  if (writers !== t.store) await writers.close();
  await t.close();
});

interface LaneFigures {
  lane: number;
  n: number;
  first: number;
  last: number;
}

const lanes = () =>
  queryRows<LaneFigures>(
    t.store.db,
    sql`select lane, count(*)::int as n, min(lane_seq)::int as first, max(lane_seq)::int as last
        from audit_log group by lane order by lane`,
  );

const verify = async () =>
  (await t.request({ method: 'GET', url: '/api/v1/audit/verify', cookie: auditor })).json();

/**
 * What verification finds after these statements, run on audit_log with its append-only trigger
 * off (as someone holding the table's rights could), in a transaction that is then rolled back.
 */
async function tampered(statements: ReturnType<typeof sql>[]) {
  let found: Awaited<ReturnType<typeof verifyChain>> | undefined;
  await t.store.db
    .transaction(async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
      for (const statement of statements) await tx.execute(statement);
      found = await verifyChain(tx);
      throw new Error('rolled back');
    })
    .catch((err: Error) => {
      if (err.message !== 'rolled back') throw err;
    });
  return found!;
}

interface StoredRow {
  seq: number;
  lane: number;
  lane_seq: number;
  after: unknown;
}

/** A row in the middle of the busiest lane (the one with the most rows), and its neighbours. */
async function middleOfBusiestLane(): Promise<{ row: StoredRow; next: StoredRow }> {
  const [busiest] = (await lanes()).sort((a, b) => b.n - a.n);
  const middle = Math.floor(busiest!.n / 2);
  const rows = await queryRows<StoredRow>(
    t.store.db,
    sql`select seq::int, lane, lane_seq::int, after from audit_log
        where lane = ${busiest!.lane} and lane_seq in (${middle}, ${middle + 1}) order by lane_seq`,
  );
  return { row: rows[0]!, next: rows[1]! };
}

const actorName = uniqueUsername('signin');

describe('concurrent audited writes', () => {
  it(`keep every lane gapless and the chain intact: ${WRITERS} writers × ${ENTRIES} entries`, async () => {
    const before = await verifyChain(t.store.db);
    const ctx: AuditContext = { actorId: null, actorName, ip: '10.0.0.8' };
    // Each writer signs its members in one by one; every tenth write records two entries.
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, w) => {
        let i = 0;
        while (i < ENTRIES) {
          const first = i;
          const count = first % 10 === 8 ? 2 : 1;
          await audited(writers.db, ctx, async (tx, audit) => {
            await tx.execute(sql`select 1`);
            for (let k = first; k < first + count; k++) {
              audit({
                action: 'member.updated',
                targetType: 'member',
                targetId: `${w}-${k}`,
                after: { w, k },
              });
            }
          });
          i += count;
        }
      }),
    );
    const total = WRITERS * ENTRIES;
    const result = await verifyChain(t.store.db);
    expect(result).toMatchObject({ status: 'intact', rows: before.rows + total, firstBrokenSeq: null });

    const figures = await lanes();
    for (const lane of figures) expect(lane, `lane ${lane.lane}`).toMatchObject({ first: 1, last: lane.n });
    expect(result.lanes).toBe(figures.length);
    if (t.store.kind === 'pglite') expect(figures.map((l) => l.lane)).toEqual([0]);
    else expect(figures.length).toBeGreaterThan(1);

    // Every write is there once, each writer's in the order it wrote them.
    const mine = await queryRows<{ target_id: string; seq: number }>(
      t.store.db,
      sql`select target_id, seq::int from audit_log where actor_name = ${actorName} order by seq`,
    );
    expect(new Set(mine.map((r) => r.target_id)).size).toBe(total);
    const order = new Map<string, number>();
    for (const [position, r] of mine.entries()) order.set(r.target_id, position);
    for (let w = 0; w < WRITERS; w++) {
      const positions = Array.from({ length: ENTRIES }, (_, i) => order.get(`${w}-${i}`)!);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
  });

  it('appends the entries of one transaction together, in order, in one lane', async () => {
    await audited(t.store.db, { actorId: null, actorName, ip: null }, async (_tx, audit) => {
      for (const step of [1, 2, 3])
        audit({ action: 'settings.updated', targetType: 'batch', targetId: step });
    });
    const rows = await queryRows<{ target_id: string; seq: number; lane: number; lane_seq: number }>(
      t.store.db,
      sql`select target_id, seq::int, lane, lane_seq::int from audit_log where target_type = 'batch' order by seq`,
    );
    expect(rows.map((r) => r.target_id)).toEqual(['1', '2', '3']);
    expect(new Set(rows.map((r) => r.lane)).size).toBe(1);
    expect(rows.map((r) => r.lane_seq - rows[0]!.lane_seq)).toEqual([0, 1, 2]);
  });

  it('takes only the listed actions: an unknown one does not compile, nor pass at run time', async () => {
    const attempt = audited(t.store.db, { actorId: null, actorName, ip: null }, async (_tx, audit) => {
      // @ts-expect-error 'meeting.signed_in' is not in AUDIT_ACTIONS
      audit({ action: 'meeting.signed_in', targetType: 'unlisted' });
    });
    await expect(attempt).rejects.toThrow('audit action meeting.signed_in is not in AUDIT_ACTIONS');
    const [{ n }] = (await queryRows<{ n: number }>(
      t.store.db,
      sql`select count(*)::int as n from audit_log where target_type = 'unlisted'`,
    )) as [{ n: number }];
    expect(n).toBe(0);
  });

  it('refuses an entry recorded after its transaction’s work has ended', async () => {
    let late: (() => void) | undefined;
    await audited(t.store.db, { actorId: null, actorName, ip: null }, async (_tx, audit) => {
      late = () => audit({ action: 'settings.updated', targetType: 'late' });
    });
    expect(late).toThrow('recorded after its transaction');
  });
});

describe('GET /api/v1/audit over lanes', () => {
  it('pages newest first across every lane, each entry exactly once', async () => {
    const seen: { seq: number; lane: number; targetId: string }[] = [];
    let cursor: number | null = null;
    do {
      const res = await t.request({
        method: 'GET',
        url: `/api/v1/audit?actor=${actorName}&limit=200${cursor ? `&before=${cursor}` : ''}`,
        cookie: auditor,
      });
      expect(res.statusCode).toBe(200);
      const page = res.json();
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    const expected = WRITERS * ENTRIES + 3;
    expect(seen).toHaveLength(expected);
    expect(new Set(seen.map((e) => e.seq)).size).toBe(expected);
    expect(seen.map((e) => e.seq)).toEqual([...seen.map((e) => e.seq)].sort((a, b) => b - a));
    const lanesSeen = new Set(seen.map((e) => e.lane));
    if (t.store.kind === 'postgres') expect(lanesSeen.size).toBeGreaterThan(1);
    expect(seen[0]).toMatchObject({ targetId: '3' });
  });
});

describe('tampering in any lane', () => {
  it('finds an edited row in a lane, names it and its lane, and vouches for the other lanes', async () => {
    const { row } = await middleOfBusiestLane();
    const figures = await lanes();
    const all = figures.reduce((n, l) => n + l.n, 0);
    const unvouched = figures.find((l) => l.lane === row.lane)!.n - row.lane_seq + 1;
    await t.store.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    await t.store.db.execute(sql`update audit_log set after = '{"w":99}'::jsonb where seq = ${row.seq}`);
    await t.store.db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    expect(await verify()).toEqual({
      status: 'broken',
      rows: all - unvouched,
      lanes: figures.length,
      firstBrokenSeq: row.seq,
      firstBrokenLane: row.lane,
      reason: '记录内容与哈希不符',
    });
    await t.store.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    await t.store.db.execute(
      sql`update audit_log set after = ${JSON.stringify(row.after)}::jsonb where seq = ${row.seq}`,
    );
    await t.store.db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    expect((await verify()).status).toBe('intact');
  });

  it('finds a deleted row as a gap in its lane', async () => {
    const { row } = await middleOfBusiestLane();
    expect(await tampered([sql`delete from audit_log where seq = ${row.seq}`])).toMatchObject({
      status: 'broken',
      firstBrokenLane: row.lane,
      reason: `序号不连续：应为 ${row.lane_seq}，实为 ${row.lane_seq + 1}`,
    });
  });

  it('finds the first row of a lane deleted', async () => {
    const [lane] = (await lanes()).slice(-1);
    const found = await tampered([sql`delete from audit_log where lane = ${lane!.lane} and lane_seq = 1`]);
    expect(found).toMatchObject({
      status: 'broken',
      firstBrokenLane: lane!.lane,
      reason: '序号不连续：应为 1，实为 2',
    });
  });

  it('finds two rows of a lane swapped, even renumbered to hide it', async () => {
    const { row, next } = await middleOfBusiestLane();
    const found = await tampered([
      sql`update audit_log set lane_seq = -1 where seq = ${row.seq}`,
      sql`update audit_log set lane_seq = ${row.lane_seq} where seq = ${next.seq}`,
      sql`update audit_log set lane_seq = ${next.lane_seq} where seq = ${row.seq}`,
    ]);
    expect(found).toMatchObject({
      status: 'broken',
      firstBrokenLane: row.lane,
      firstBrokenSeq: next.seq,
      reason: '前序哈希与上一条记录不符',
    });
  });

  it('finds a row moved in the log’s order (its seq changed) or into another lane', async () => {
    const { row } = await middleOfBusiestLane();
    const moved = await tampered([sql`update audit_log set seq = seq + 1000000 where seq = ${row.seq}`]);
    expect(moved).toMatchObject({
      status: 'broken',
      firstBrokenLane: row.lane,
      reason: '记录内容与哈希不符',
    });
    // Its lane now has a gap, and lane 99 starts in the middle; the row itself is the earlier.
    const relaned = await tampered([sql`update audit_log set lane = 99 where seq = ${row.seq}`]);
    expect(relaned).toMatchObject({
      status: 'broken',
      firstBrokenSeq: row.seq,
      firstBrokenLane: 99,
      reason: `序号不连续：应为 1，实为 ${row.lane_seq}`,
    });
  });

  it('finds a row inserted into the middle of a lane', async () => {
    const { row } = await middleOfBusiestLane();
    const found = await tampered([
      // Two steps, so that no two rows of the lane hold the same place in between.
      sql`update audit_log set lane_seq = -lane_seq where lane = ${row.lane} and lane_seq >= ${row.lane_seq}`,
      sql`update audit_log set lane_seq = -lane_seq + 1 where lane = ${row.lane} and lane_seq < 0`,
      sql`insert into audit_log (seq, lane, lane_seq, at, action, prev_hash, hash)
          select ${row.seq + 1_000_000}, lane, ${row.lane_seq}, at, 'member.updated', prev_hash, hash
          from audit_log where seq = ${row.seq}`,
    ]);
    expect(found).toMatchObject({
      status: 'broken',
      firstBrokenLane: row.lane,
      firstBrokenSeq: row.seq + 1_000_000,
      reason: '记录内容与哈希不符',
    });
    expect((await verify()).status).toBe('intact');
  });
});
