import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore } from '../../../test/store';
import { openStore, queryRows, type Store } from '../../db/client';
import type { JobDefinition } from '../../lib/modules';
import { type JobRunRow, jobsRepository } from './jobs.repository';
import { createJobRunner, type DueResult, RETRY_DELAYS_MS } from './jobs.runner';

let store: Awaited<ReturnType<typeof createTestStore>>;

beforeAll(async () => {
  store = await createTestStore();
});
afterAll(() => store.dispose());
beforeEach(async () => {
  await store.db.execute(sql`delete from job_runs`);
});

/** Due only on 29 February at 03:00: never near the clock these tests run at. */
const LEAP = '0 3 29 2 *';
const SLOT = new Date('2028-02-29T03:00:00+08:00');

const job = (name: string, run: () => Promise<number>, schedule = LEAP): JobDefinition => ({
  name,
  label: '测试任务',
  schedule,
  run,
});

const runsOf = async (name: string) =>
  (
    await queryRows<{ slot: string | Date; attempt: number; outcome: string }>(
      store.db,
      sql`select slot, attempt, outcome from job_runs where job = ${name} order by slot, attempt`,
    )
  ).map((r) => ({ ...r, slot: new Date(r.slot) }));

/** The run of a result that ran. */
function ran(result: DueResult | undefined): JobRunRow {
  expect(result?.status, JSON.stringify(result)).toBe('ran');
  return (result as { run: JobRunRow }).run;
}

const after = (run: JobRunRow, ms: number) => new Date(run.finishedAt!.getTime() + ms);

describe('a run', () => {
  it('records its slot, instance, start, end, outcome and the rows it touched', async () => {
    const runner = createJobRunner({
      store,
      jobs: () => [job('test.count', async () => 42)],
      instance: 'host-a:1',
    });
    const before = Date.now();
    const run = ran((await runner.runDue(SLOT))[0]);
    expect(run).toMatchObject({
      job: 'test.count',
      slot: SLOT,
      attempt: 1,
      outcome: 'succeeded',
      rows: 42,
      error: null,
      instance: 'host-a:1',
    });
    expect(run.startedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(run.finishedAt!.getTime()).toBeGreaterThanOrEqual(run.startedAt.getTime());
    // The same slot again (another tick, another instance) runs nothing.
    expect(await runner.runDue(new Date(SLOT.getTime() + 30_000))).toEqual([]);
    expect(await runsOf('test.count')).toHaveLength(1);
  });

  it('runs a slot missed by a few minutes, not one missed by more than ten', async () => {
    const runner = createJobRunner({ store, jobs: () => [job('test.late', async () => 0)] });
    expect(await runner.runDue(new Date(SLOT.getTime() + 10 * 60_000 + 1000))).toEqual([]);
    ran((await runner.runDue(new Date(SLOT.getTime() + 9 * 60_000)))[0]);
    expect((await runsOf('test.late')).map((r) => r.slot)).toEqual([SLOT]);
  });

  it('is failed with the message only: a database error keeps no value it quoted', async () => {
    const secret = '张三丰 130732199001011234';
    const runner = createJobRunner({
      store,
      jobs: () => [
        job('test.sql', async () => {
          await store.db.execute(sql`select ${secret}::int`);
          return 1;
        }),
      ],
    });
    const run = ran((await runner.runDue(SLOT))[0]);
    expect(run.outcome).toBe('failed');
    expect(run.rows).toBeNull();
    expect(run.error).toMatch(/invalid input syntax for type integer/);
    expect(run.error).not.toContain('张三丰');
    expect(run.error).not.toContain('130732');
  });
});

describe('a failing job', () => {
  it('is retried after 1 and 5 minutes, as attempts 2 and 3 of its slot, until it succeeds', async () => {
    let calls = 0;
    const flaky = job('test.flaky', async () => {
      calls++;
      if (calls < 3) throw new Error(`第 ${calls} 次失败`);
      return 7;
    });
    const runner = createJobRunner({ store, jobs: () => [flaky] });

    const first = ran((await runner.runDue(SLOT))[0]);
    expect(first).toMatchObject({ attempt: 1, outcome: 'failed', error: '第 1 次失败' });
    expect(await runner.runDue(after(first, RETRY_DELAYS_MS[0] - 1000))).toEqual([]);
    expect(runner.retryAt(first)).toEqual(after(first, 60_000));

    const second = ran((await runner.runDue(after(first, RETRY_DELAYS_MS[0])))[0]);
    expect(second).toMatchObject({ slot: SLOT, attempt: 2, outcome: 'failed', error: '第 2 次失败' });
    expect(await runner.runDue(after(second, 4 * 60_000))).toEqual([]);

    const third = ran((await runner.runDue(after(second, 5 * 60_000)))[0]);
    expect(third).toMatchObject({ slot: SLOT, attempt: 3, outcome: 'succeeded', rows: 7, error: null });
    expect(await runner.runDue(after(third, 3_600_000))).toEqual([]);
    expect(calls).toBe(3);
    expect((await runsOf('test.flaky')).map((r) => `${r.attempt} ${r.outcome}`)).toEqual([
      '1 failed',
      '2 failed',
      '3 succeeded',
    ]);
  });

  it('is tried three times at most', async () => {
    const broken = job('test.broken', async () => {
      throw new Error('总是失败');
    });
    const runner = createJobRunner({ store, jobs: () => [broken] });
    let run = ran((await runner.runDue(SLOT))[0]);
    run = ran((await runner.runDue(after(run, 60_000)))[0]);
    run = ran((await runner.runDue(after(run, 300_000)))[0]);
    expect(run).toMatchObject({ attempt: 3, outcome: 'failed' });
    expect(runner.retryAt(run)).toBeNull();
    expect(await runner.runDue(after(run, 86_400_000))).toEqual([]);
    expect(await runsOf('test.broken')).toHaveLength(3);
  });

  it('is not retried once a later slot has run', async () => {
    let fail = true;
    // Due at 03:00 on 28 and 29 February.
    const lateFebruary = job(
      'test.february',
      async () => {
        if (fail) throw new Error('失败');
        return 1;
      },
      '0 3 28,29 2 *',
    );
    const runner = createJobRunner({ store, jobs: () => [lateFebruary] });
    const failed = ran((await runner.runDue(new Date(SLOT.getTime() - 86_400_000)))[0]);
    fail = false;
    ran((await runner.runDue(SLOT))[0]);
    expect(await jobsRepository.latest(store.db, 'test.february')).toMatchObject({ outcome: 'succeeded' });
    expect(await runner.runDue(after(failed, 120_000))).toEqual([]);
    expect(await runsOf('test.february')).toHaveLength(2);
  });
});

describe('one run of a job at a time', () => {
  /** A job that waits until released; `started` resolves when it is running. */
  function gatedJob(name: string) {
    let release!: () => void;
    let started!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const running = new Promise<void>((r) => {
      started = r;
    });
    let runs = 0;
    const definition = job(
      name,
      async () => {
        runs++;
        started();
        await gate;
        return 1;
      },
      '* * * * *',
    );
    return { definition, release, running, runs: () => runs };
  }

  it('within an instance: a slot that comes while the last run goes on is left', async () => {
    const slow = gatedJob('test.slow');
    const runner = createJobRunner({ store, jobs: () => [slow.definition] });
    const first = runner.runDue(SLOT);
    await slow.running;
    expect(await runner.runDue(new Date(SLOT.getTime() + 60_000))).toEqual([
      { job: 'test.slow', status: 'busy' },
    ]);
    slow.release();
    ran((await first)[0]);
    expect(slow.runs()).toBe(1);
    expect(await runsOf('test.slow')).toHaveLength(1);
  });

  it.runIf(process.env.TEST_STORE === 'postgres')(
    'across instances on PostgreSQL: the job’s advisory lock keeps the next slot from starting',
    async () => {
      const other: Store = await openStore({ databaseUrl: store.url!, poolSize: 3 });
      try {
        const slow = gatedJob('test.locked');
        const a = createJobRunner({ store, jobs: () => [slow.definition], instance: 'a' });
        const b = createJobRunner({ store: other, jobs: () => [slow.definition], instance: 'b' });
        const first = a.runDue(SLOT);
        await slow.running;
        const next = new Date(SLOT.getTime() + 60_000);
        expect(await b.runDue(next)).toEqual([{ job: 'test.locked', status: 'busy' }]);
        slow.release();
        ran((await first)[0]);
        // Once the run is over the lock is free: the slot left is caught up.
        ran((await b.runDue(new Date(next.getTime() + 1000)))[0]);
        expect((await runsOf('test.locked')).map((r) => r.slot)).toEqual([SLOT, next]);
      } finally {
        await other.close();
      }
    },
  );
});

describe('claiming a slot', () => {
  it('gives the slot to exactly one of many claims made at once', async () => {
    const claims = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        jobsRepository.claim(store.db, { job: 'test.claim', slot: SLOT, attempt: 1, instance: `i${i}` }),
      ),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await runsOf('test.claim')).toHaveLength(1);
  });
});
