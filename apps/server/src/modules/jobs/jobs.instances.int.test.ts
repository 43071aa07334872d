import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, secondInstance, type TestApp } from '../../../test/app';
import { queryRows } from '../../db/client';
import { jobClock } from './jobs.schedule';

/**
 * Two app instances on one database, as behind a load balancer: two apps on the same store, or
 * on PostgreSQL two apps each with its own connection pool to the same database.
 */
let t: TestApp;
let other: Awaited<ReturnType<typeof secondInstance>>;
let second: FastifyInstance;

beforeAll(async () => {
  t = await createTestApp({}, { members: 40 });
  other = await secondInstance(t);
  second = other.app;
});
afterAll(async () => {
  await other.close();
  await t.close();
});

describe('two instances reaching a job’s time together', () => {
  it('run each job due at that time exactly once', async () => {
    // 03:00 in Beijing: the session purge's time, and one of the outbox drain's.
    const slot = new Date('2026-12-07T03:00:00+08:00');
    const a = t.services.jobs;
    const b = second.platform.services.jobs;
    const [ra, rb] = await Promise.all([a.runDue(slot), b.runDue(slot)]);

    // Every job due then: at least these two, and any other module's with the same time.
    const due = t.app.platform.jobs
      .filter((j) => jobClock(j.schedule).slotAt(slot)?.getTime() === slot.getTime())
      .map((j) => j.name)
      .sort();
    expect(due).toEqual(expect.arrayContaining(['auth.session_purge', 'jobs.outbox_drain']));
    for (const job of due) {
      const statuses = [...ra, ...rb].filter((r) => r.job === job).map((r) => r.status);
      expect(
        statuses.filter((s) => s === 'ran'),
        `${job}: ${statuses}`,
      ).toHaveLength(1);
    }
    const rows = await queryRows<{ job: string; n: number; instances: number }>(
      t.store.db,
      sql`select job, count(*)::int as n, count(distinct instance)::int as instances
          from job_runs where slot = ${slot} group by job order by job`,
    );
    expect(rows).toEqual(due.map((job) => ({ job, n: 1, instances: 1 })));
    const outcomes = await queryRows<{ outcome: string }>(
      t.store.db,
      sql`select outcome from job_runs where slot = ${slot}`,
    );
    expect(outcomes.every((r) => r.outcome === 'succeeded')).toBe(true);

    // Later ticks of either instance within the catch-up window run nothing more.
    const later = new Date(slot.getTime() + 4_000);
    const again = [...(await a.runDue(later)), ...(await b.runDue(later))];
    expect(again.filter((r) => r.status === 'ran')).toEqual([]);
  });

  it('the two instances record themselves apart', async () => {
    const [ra, rb] = [
      await t.services.jobs.runNow('jobs.prune'),
      await second.platform.services.jobs.runNow('jobs.prune'),
    ];
    expect(ra.status).toBe('ran');
    expect(rb.status).toBe('ran');
    const names = [ra, rb].map((r) => (r as { run: { instance: string } }).run.instance);
    expect(new Set(names).size).toBe(2);
  });
});
