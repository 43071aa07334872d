import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore } from '../../../test/store';
import { type Executor, openStore, queryRows, type Store } from '../../db/client';
import { type AnyOutboxHandler, createOutbox, outboxBackoffMs } from './outbox';

/** The topics of these tests. */
interface TestTopics {
  'test.note': { n: number };
}

let store: Awaited<ReturnType<typeof createTestStore>>;
/** A second connection pool to the same database on PostgreSQL (a second instance); else the same store. */
let other: Store;

beforeAll(async () => {
  store = await createTestStore();
  other = store.kind === 'postgres' ? await openStore({ databaseUrl: store.url!, poolSize: 3 }) : store;
  await store.db.execute(sql`create table test_effects (n integer not null)`);
});
afterAll(async () => {
  if (other !== store) await other.close();
  await store.dispose();
});
beforeEach(async () => {
  await store.db.execute(sql`delete from outbox`);
  await store.db.execute(sql`delete from test_effects`);
});

/** A handler that writes its note to test_effects (in the drain's transaction), then may fail. */
function noteHandler(opts: { failTimes?: (n: number) => number; delayMs?: number } = {}) {
  const calls = new Map<number, number>();
  const handler: AnyOutboxHandler<TestTopics> = {
    topic: 'test.note',
    async handle(tx: Executor, { n }) {
      const call = (calls.get(n) ?? 0) + 1;
      calls.set(n, call);
      await tx.execute(sql`insert into test_effects (n) values (${n})`);
      if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
      if (call <= (opts.failTimes?.(n) ?? 0)) throw new Error(`第 ${call} 次处理 ${n} 失败`);
    },
  };
  return { handler, calls };
}

const outboxOn = (s: Pick<Store, 'db'>, handler: AnyOutboxHandler<TestTopics>, batchSize?: number) =>
  createOutbox<TestTopics>({ store: s, handlers: () => [handler], ...(batchSize ? { batchSize } : {}) });

const effects = async () =>
  (await queryRows<{ n: number }>(store.db, sql`select n from test_effects order by n`)).map((r) => r.n);

interface ItemRow {
  id: number;
  attempts: number;
  last_error: string | null;
  done_at: string | Date | null;
  available_at: string | Date;
}
const items = () =>
  queryRows<ItemRow>(
    store.db,
    sql`select id, attempts, last_error, done_at, available_at from outbox order by id`,
  );

describe('enqueue', () => {
  it('an item enqueued in a transaction that rolls back is never done', async () => {
    const { handler, calls } = noteHandler();
    const outbox = outboxOn(store, handler);
    await expect(
      store.db.transaction(async (tx) => {
        await outbox.enqueue(tx, 'test.note', { n: 1 });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await outbox.drain()).toEqual({ done: 0, failed: [] });
    expect(calls.size).toBe(0);
    expect(await items()).toEqual([]);
  });

  it('a committed item is done once, even with two drainers at the same time', async () => {
    const { handler, calls } = noteHandler({ delayMs: 5 });
    const a = outboxOn(store, handler, 4);
    const b = outboxOn(other, handler, 4);
    await store.db.transaction(async (tx) => {
      for (let n = 1; n <= 24; n++) await a.enqueue(tx, 'test.note', { n });
    });
    const [ra, rb] = await Promise.all([a.drain(), b.drain()]);
    expect(ra.done + rb.done).toBe(24);
    expect([...calls.values()].every((c) => c === 1)).toBe(true);
    expect(await effects()).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    const rows = await items();
    expect(rows.every((r) => r.done_at !== null && r.attempts === 1)).toBe(true);
    // Done items are not done again.
    expect(await a.drain()).toEqual({ done: 0, failed: [] });
  });
});

describe('a failing handler', () => {
  it('is retried after a growing wait, keeps its last error, and undoes its writes of the failed tries', async () => {
    const { handler, calls } = noteHandler({ failTimes: (n) => (n === 99 ? 2 : 0) });
    const outbox = outboxOn(store, handler);
    await store.db.transaction(async (tx) => {
      await outbox.enqueue(tx, 'test.note', { n: 99 });
      await outbox.enqueue(tx, 'test.note', { n: 1 });
    });
    const t0 = new Date();
    const first = await outbox.drain(t0);
    expect(first.done).toBe(1);
    expect(first.failed).toEqual([
      { id: expect.any(Number), topic: 'test.note', error: '第 1 次处理 99 失败' },
    ]);
    let [item] = (await items()).filter((r) => r.done_at === null);
    expect(item).toMatchObject({ attempts: 1, last_error: '第 1 次处理 99 失败' });
    expect(new Date(item!.available_at)).toEqual(new Date(t0.getTime() + outboxBackoffMs(1)));

    // Not before its time.
    expect(await outbox.drain(new Date(t0.getTime() + 4_000))).toEqual({ done: 0, failed: [] });
    const t1 = new Date(t0.getTime() + 5_000);
    expect((await outbox.drain(t1)).failed).toHaveLength(1);
    [item] = (await items()).filter((r) => r.done_at === null);
    expect(item).toMatchObject({ attempts: 2, last_error: '第 2 次处理 99 失败' });
    expect(new Date(item!.available_at)).toEqual(new Date(t1.getTime() + 10_000));

    expect(await outbox.drain(new Date(t1.getTime() + 10_000))).toEqual({ done: 1, failed: [] });
    const done = (await items()).find((r) => r.id === item!.id)!;
    expect(done.done_at).not.toBeNull();
    expect(done).toMatchObject({ attempts: 3, last_error: '第 2 次处理 99 失败' });
    expect(calls.get(99)).toBe(3);
    // The writes of the two failed tries were undone with them; item 1 was not disturbed.
    expect(await effects()).toEqual([1, 99]);
  });

  it('an item no module handles fails with its topic named', async () => {
    const { handler } = noteHandler();
    const outbox = createOutbox<TestTopics & { 'test.orphan': object }>({
      store,
      handlers: () => [handler as AnyOutboxHandler<TestTopics & { 'test.orphan': object }>],
    });
    await store.db.transaction((tx) => outbox.enqueue(tx, 'test.orphan', {}));
    const result = await outbox.drain();
    expect(result.failed.map((f) => f.error)).toEqual(['没有模块处理「test.orphan」类待办']);
  });

  it('waits 5 s after the first failure, doubling up to an hour', () => {
    expect([1, 2, 3, 4, 12, 20].map(outboxBackoffMs)).toEqual([
      5_000, 10_000, 20_000, 40_000, 3_600_000, 3_600_000,
    ]);
  });
});
