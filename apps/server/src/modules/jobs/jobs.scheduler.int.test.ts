import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore } from '../../../test/store';
import { queryRows } from '../../db/client';
import { jobRuns, outbox } from '../../db/schema';
import type { JobDefinition } from '../../lib/modules';
import { jobsRepository } from './jobs.repository';
import { createJobRunner } from './jobs.runner';
import { createJobScheduler, type JobLog } from './jobs.scheduler';

let store: Awaited<ReturnType<typeof createTestStore>>;

beforeAll(async () => {
  store = await createTestStore();
});
afterAll(() => store.dispose());

const quiet: JobLog = { info() {}, warn() {}, error() {} };

describe('the scheduler', () => {
  it('runs a job at its times once started, and nothing after it is stopped', async () => {
    let runs = 0;
    const everySecond: JobDefinition = {
      name: 'test.tick',
      label: '每秒',
      schedule: '* * * * * *',
      run: async () => ++runs,
    };
    const runner = createJobRunner({ store, jobs: () => [everySecond] });
    const scheduler = createJobScheduler({
      runner,
      jobs: () => [everySecond],
      config: { jobsEnabled: true },
    });
    expect(scheduler.start(quiet)).toBe(true);
    expect(scheduler.start(quiet)).toBe(false);
    await new Promise((r) => setTimeout(r, 2_500));
    await scheduler.stop();
    const counted = runs;
    expect(counted).toBeGreaterThanOrEqual(2);
    const [{ n }] = (await queryRows<{ n: number }>(
      store.db,
      sql`select count(*)::int as n from job_runs where job = 'test.tick' and outcome = 'succeeded'`,
    )) as [{ n: number }];
    expect(n).toBe(counted);
    await new Promise((r) => setTimeout(r, 1_200));
    expect(runs).toBe(counted);
  });

  it('does not start when JOBS_ENABLED is false', async () => {
    const runner = createJobRunner({ store, jobs: () => [] });
    const scheduler = createJobScheduler({ runner, jobs: () => [], config: { jobsEnabled: false } });
    expect(scheduler.start(quiet)).toBe(false);
    expect(scheduler.started).toBe(false);
  });
});

describe('pruning (the jobs.prune job)', () => {
  it('deletes runs past 90 days, idle runs past a day and outbox items done a week ago', async () => {
    const day = 86_400_000;
    const now = Date.now();
    const run = (name: string, daysAgo: number, outcome: string, rows: number | null) => ({
      job: name,
      slot: new Date(now - daysAgo * day),
      startedAt: new Date(now - daysAgo * day),
      outcome,
      rows,
      instance: 'test',
    });
    await store.db
      .insert(jobRuns)
      .values([
        run('test.old', 91, 'succeeded', 5),
        run('test.old', 89, 'failed', null),
        run('test.idle', 2, 'succeeded', 0),
        run('test.idle', 0.5, 'succeeded', 0),
        run('test.busy', 2, 'succeeded', 3),
      ]);
    await store.db.insert(outbox).values([
      { topic: 'test.a', payload: {}, doneAt: new Date(now - 8 * day) },
      { topic: 'test.b', payload: {}, doneAt: new Date(now - 6 * day) },
      { topic: 'test.c', payload: {} },
    ]);
    const deleted = await jobsRepository.prune(store.db, {
      runsBefore: new Date(now - 90 * day),
      emptyRunsBefore: new Date(now - day),
      outboxDoneBefore: new Date(now - 7 * day),
    });
    expect(deleted).toBe(3);
    const left = await queryRows<{ job: string; outcome: string }>(
      store.db,
      sql`select job, outcome from job_runs where job like 'test.%' and job <> 'test.tick' order by job, started_at`,
    );
    expect(left).toEqual([
      { job: 'test.busy', outcome: 'succeeded' },
      { job: 'test.idle', outcome: 'succeeded' },
      { job: 'test.old', outcome: 'failed' },
    ]);
    const topics = await queryRows<{ topic: string }>(store.db, sql`select topic from outbox order by topic`);
    expect(topics.map((r) => r.topic)).toEqual(['test.b', 'test.c']);
  });
});
