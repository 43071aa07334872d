import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import { localIsoDate } from '@ningxin/shared';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db } from '../db/client';
import type { FieldCrypto } from '../lib/field-crypto';
import { activityBackfillSql } from '../modules/activity/activity.backfill';
import { type CopyFormatter, inThreadFormatter, workerFormatter } from './copy-formatters';
import { BRANCH_TRADES, TOP_COMMITTEE } from './demo-committee';
import { DEMO_MEMBER_COPY_COLUMNS, EVENT_COPY_COLUMNS } from './demo-member-rows';
import {
  createDemoMemberGenerator,
  type DemoBranch,
  type DemoMemberGenerator,
  idNumberKey,
} from './demo-members';

export const DEMO_SEED = 2009;

export interface MemberProgress {
  /** Members added so far by this run, of `of`. */
  added: number;
  of: number;
  rowsPerSecond: number;
}
export type OnMemberProgress = (progress: MemberProgress) => void;

/** Runs one SQL text with parameters on whatever connection is at hand; returns its rows. */
type Query = (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

const BRANCHES_SQL = `
  select b.id, b.path, b.name, b.host_district, c.name as committee
  from orgs b
  join orgs c on c.id = b.parent_id and c.kind = 'sub_committee'
  join orgs t on t.id = c.parent_id and t.parent_id is null and t.name = $1
  where b.kind = 'branch' and b.closed_at is null
  order by b.id`;

/** The open branches of the demo committee's second-level committees, in id order. */
async function demoBranches(query: Query): Promise<DemoBranch[]> {
  const rows = await query(BRANCHES_SQL, [TOP_COMMITTEE.name]);
  return rows.map((r) => {
    const trade = String(r.name).replace(/流动党支部$/, '');
    return {
      id: Number(r.id),
      path: String(r.path),
      committee: String(r.committee),
      trade: (BRANCH_TRADES as readonly string[]).includes(trade) ? trade : '个体经营',
      hostDistrict: (r.host_district as string | null) ?? null,
    };
  });
}

/**
 * Keys of the ID numbers already in the base, read from clear columns (region code in the masked
 * form, birth date, sequence in the last four), so that generated numbers never collide with them.
 */
async function takenIdKeys(query: Query): Promise<Set<number>> {
  const rows = await query(
    `select substr(id_masked, 1, 6) as region, birth_date::text as birth, substr(id_tail, 1, 3) as seq
     from members where birth_date is not null`,
  );
  const keys = new Set<number>();
  for (const r of rows) {
    const key = /^\d{3}$/.test(String(r.seq))
      ? idNumberKey(String(r.region), String(r.birth), String(r.seq))
      : null;
    if (key !== null) keys.add(key);
  }
  return keys;
}

async function memberCount(query: Query): Promise<number> {
  const [row] = await query('select count(*)::int as n from members');
  return Number(row!.n);
}

/** Counts rows and reports every `every` of them. */
function progressMeter(of: number, every: number, onProgress: OnMemberProgress | undefined) {
  const started = performance.now();
  let added = 0;
  let nextReport = every;
  const report = () =>
    onProgress?.({
      added,
      of,
      rowsPerSecond: Math.round(added / ((performance.now() - started) / 1000 || 1e-3)),
    });
  return {
    add(n: number) {
      added += n;
      while (added >= nextReport) {
        if (added < of) report();
        nextReport += every;
      }
    },
    done() {
      report();
      return { added, seconds: (performance.now() - started) / 1000 };
    },
  };
}

function rebuildsIndexes(opts: GenerateOptions, plan: CopyPlan): boolean {
  const mode = opts.rebuildIndexes ?? 'auto';
  return mode === 'auto' ? plan.toAdd >= Math.max(plan.start, 5000) : mode;
}

/**
 * Drops the secondary indexes of the members and of the activity ledger (all but the ledger's
 * source index, which its backfill's ON CONFLICT names) and the foreign keys of the three tables
 * the load writes (inside the load's transaction, so a failure puts them back) and returns the
 * function that recreates them: building an index once from sorted rows is far cheaper than a
 * million single inserts into it.
 */
async function dropSecondaryIndexes(query: Query): Promise<() => Promise<void>> {
  const indexes = await query(
    `select indexname, indexdef from pg_indexes
     where schemaname = current_schema()
       and ((tablename = 'members' and indexname <> 'members_pkey')
         or (tablename = 'member_activity'
             and indexname not in ('member_activity_pkey', 'member_activity_source_idx')))`,
  );
  const keys = await query(
    `select conrelid::regclass::text as tbl, conname, pg_get_constraintdef(oid) as def from pg_constraint
     where contype = 'f'
       and conrelid in ('members'::regclass, 'member_status_events'::regclass, 'member_activity'::regclass)`,
  );
  for (const k of keys) await query(`alter table ${k.tbl} drop constraint ${k.conname}`);
  for (const i of indexes) await query(`drop index ${i.indexname}`);
  return async () => {
    for (const i of indexes) await query(String(i.indexdef));
    for (const k of keys) await query(`alter table ${k.tbl} add constraint ${k.conname} ${k.def}`);
  };
}

export interface GenerateOptions {
  seed?: number;
  /** The day the data is made for; today by default. */
  today?: string;
  onProgress?: OnMemberProgress;
  progressEvery?: number;
  /**
   * Drop the secondary indexes and foreign keys, load, rebuild them. 'auto' (the default) does
   * so when adding at least 5,000 members and at least as many as the base holds: then one
   * build is cheaper than that many inserts into each of the 16 indexes (12,000 members into
   * an empty PGlite store: 6.4 s of CPU with the rebuild, 8.5 s without). Dropping an index
   * locks the table: readers wait until the load commits.
   */
  rebuildIndexes?: boolean | 'auto';
  /** Told how long the rebuild took, in seconds. */
  onRebuilt?: (seconds: number) => void;
}

function generatorFor(
  branches: DemoBranch[],
  taken: Set<number>,
  opts: GenerateOptions,
): DemoMemberGenerator {
  return createDemoMemberGenerator({
    seed: opts.seed ?? DEMO_SEED,
    today: opts.today ?? localIsoDate(new Date()),
    branches,
    taken,
  });
}

export interface TopUpOptions extends GenerateOptions {
  /** Encrypt and format in this many worker threads, which need the master key itself. */
  workers?: { count: number; masterKey: Buffer };
}

export interface TopUpResult {
  added: number;
  total: number;
  seconds: number;
  method: 'copy-stdin' | 'copy-blob';
}

/** What a COPY needs to know from the store, read under the lock. */
interface CopyPlan {
  start: number;
  toAdd: number;
  firstId: number;
  generate: DemoMemberGenerator;
}

async function planCopy(query: Query, target: number, opts: GenerateOptions): Promise<CopyPlan | number> {
  // Inserts wait until the bulk load commits: the ids reserved below stay ours, the count right.
  await query('lock table members in share row exclusive mode');
  const start = await memberCount(query);
  if (start >= target) return start;
  const toAdd = target - start;
  const [row] = await query(`select nextval(pg_get_serial_sequence('members', 'id'))::int as id`);
  const firstId = Number(row!.id);
  await query(`select setval(pg_get_serial_sequence('members', 'id'), $1)`, [firstId + toAdd - 1]);
  const branches = await demoBranches(query);
  if (branches.length === 0) throw new Error('No branch of the demo committee to put members in');
  const taken = start > 0 ? await takenIdKeys(query) : new Set<number>();
  return { start, toAdd, firstId, generate: generatorFor(branches, taken, opts) };
}

/**
 * The COPY text of members `from` to `to` of the plan, in batches, in order: up to
 * `formatter.depth` batches are being formatted while the caller writes the earlier ones.
 */
async function* copyPieces(
  formatter: CopyFormatter,
  plan: CopyPlan,
  from: number,
  to: number,
): AsyncGenerator<{ members: string; events: string; rows: number }> {
  const batch = 1000;
  const inFlight: Promise<{ members: string; events: string; rows: number }>[] = [];
  for (let k = from; k < to; k += batch) {
    const n = Math.min(batch, to - k);
    const members = Array.from({ length: n }, (_, j) => plan.generate(plan.start + k + j));
    const piece = formatter.format(plan.firstId + k, members).then((text) => ({ ...text, rows: n }));
    piece.catch(() => undefined); // awaited below, in order
    inFlight.push(piece);
    if (inFlight.length >= formatter.depth) yield await inFlight.shift()!;
  }
  while (inFlight.length > 0) yield await inFlight.shift()!;
}

const MEMBER_COPY = `copy members (${DEMO_MEMBER_COPY_COLUMNS.join(', ')}) from stdin`;
const EVENT_COPY = `copy member_status_events (${EVENT_COPY_COLUMNS.join(', ')}) from stdin`;

/** PostgreSQL: COPY FROM STDIN, the rows made while the server takes the previous ones in. */
async function copyIntoPostgres(
  pool: pg.Pool,
  formatter: CopyFormatter,
  target: number,
  opts: GenerateOptions,
): Promise<TopUpResult> {
  const client = await pool.connect();
  const query: Query = async (text, params) => (await client.query(text, params)).rows;
  /** A connection that could not roll back is discarded, not returned to the pool. */
  let broken = false;
  try {
    await client.query('begin');
    const plan = await planCopy(query, target, opts);
    if (typeof plan === 'number') {
      await client.query('commit');
      return { added: 0, total: plan, seconds: 0, method: 'copy-stdin' };
    }
    const rebuild = rebuildsIndexes(opts, plan) ? await dropSecondaryIndexes(query) : null;
    // Sorts and GIN builds in memory rather than in many small runs (the default is 64 MB).
    if (rebuild) await client.query(`set local maintenance_work_mem = '512MB'`);
    const chunk = opts.progressEvery ?? 50_000;
    const meter = progressMeter(plan.toAdd, chunk, opts.onProgress);
    for (let from = 0; from < plan.toAdd; from += chunk) {
      const to = Math.min(from + chunk, plan.toAdd);
      // Members stream to the server as they are made; their events follow in a second COPY.
      const members = client.query(copyFrom(MEMBER_COPY));
      let events = '';
      try {
        for await (const piece of copyPieces(formatter, plan, from, to)) {
          events += piece.events;
          if (!members.write(piece.members)) await once(members, 'drain');
          meter.add(piece.rows);
        }
      } catch (err) {
        // Ends the COPY with CopyFail, so that the connection can roll back.
        members.destroy(err as Error);
        await finished(members).catch(() => undefined);
        throw err;
      }
      members.end();
      await finished(members);
      const stream = client.query(copyFrom(EVENT_COPY));
      stream.end(events);
      await finished(stream);
    }
    // The new members' status events, which the COPY wrote, join the activity ledger.
    await client.query(activityBackfillSql());
    if (rebuild) {
      const t = performance.now();
      await rebuild();
      opts.onRebuilt?.((performance.now() - t) / 1000);
    }
    await client.query('commit');
    const { seconds } = meter.done();
    return { added: plan.toAdd, total: target, seconds, method: 'copy-stdin' };
  } catch (err) {
    await client.query('rollback').catch(() => {
      broken = true;
    });
    throw err;
  } finally {
    client.release(broken);
  }
}

/** PGlite: COPY FROM '/dev/blob', a blob of rows at a time, in one transaction. */
async function copyIntoPglite(
  client: PGlite,
  formatter: CopyFormatter,
  target: number,
  opts: GenerateOptions,
): Promise<TopUpResult> {
  return client.transaction(async (tx) => {
    const query: Query = async (text, params) => (await tx.query<Record<string, unknown>>(text, params)).rows;
    const plan = await planCopy(query, target, opts);
    if (typeof plan === 'number') return { added: 0, total: plan, seconds: 0, method: 'copy-blob' as const };
    const rebuild = rebuildsIndexes(opts, plan) ? await dropSecondaryIndexes(query) : null;
    const chunk = opts.progressEvery ?? 50_000;
    const meter = progressMeter(plan.toAdd, chunk, opts.onProgress);
    for (let from = 0; from < plan.toAdd; from += chunk) {
      const to = Math.min(from + chunk, plan.toAdd);
      const members: string[] = [];
      const events: string[] = [];
      for await (const piece of copyPieces(formatter, plan, from, to)) {
        members.push(piece.members);
        events.push(piece.events);
      }
      await tx.query(MEMBER_COPY.replace('from stdin', `from '/dev/blob'`), [], { blob: new Blob(members) });
      await tx.query(EVENT_COPY.replace('from stdin', `from '/dev/blob'`), [], { blob: new Blob(events) });
      meter.add(to - from);
    }
    await query(activityBackfillSql());
    if (rebuild) {
      const t = performance.now();
      await rebuild();
      opts.onRebuilt?.((performance.now() - t) / 1000);
    }
    const { seconds } = meter.done();
    return { added: plan.toAdd, total: target, seconds, method: 'copy-blob' as const };
  });
}

/**
 * Adds demo members until the base holds `target` members (none when it already does), by COPY
 * in one transaction: FROM STDIN on PostgreSQL, FROM '/dev/blob' on PGlite; their status events
 * then join the activity ledger in the same transaction (the backfill of migration 0011). Record
 * n of the generator is the n-th member of the base, so topping up in steps gives the same people
 * as one run on the same day; ID numbers already in the base are never drawn again.
 */
export async function topUpDemoMembers(
  db: Db,
  crypto: FieldCrypto,
  target: number,
  opts: TopUpOptions = {},
): Promise<TopUpResult> {
  const client = (db as unknown as { $client: pg.Pool | PGlite }).$client;
  const formatter = opts.workers?.count
    ? workerFormatter(opts.workers.masterKey, opts.workers.count, crypto.suite)
    : inThreadFormatter(crypto);
  let result: TopUpResult;
  try {
    result =
      client instanceof pg.Pool
        ? await copyIntoPostgres(client, formatter, target, opts)
        : await copyIntoPglite(client, formatter, target, opts);
  } finally {
    await formatter.close();
  }
  if (result.added > 0) {
    await db.execute(sql`analyze members`);
    await db.execute(sql`analyze member_status_events`);
    await db.execute(sql`analyze member_activity`);
  }
  return result;
}
