import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, faultyFields, type TestApp } from '../../../test/app';
import { queryRows } from '../../db/client';
import { jobClock } from './jobs.schedule';
import { outboxRepository } from './outbox.repository';

let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await createTestApp({}, { members: 60 });
  admin = await t.login('admin');
});
afterAll(() => t.close());

const get = (url: string, cookie?: string) =>
  t.request({ method: 'GET', url, ...(cookie ? { cookie } : {}) });
const post = (url: string, cookie?: string) =>
  t.request({ method: 'POST', url, ...(cookie ? { cookie } : {}) });

/** Every demo account but the system admin: none of them may see the jobs. */
const OTHERS = ['security', 'auditor', 'office', 'tongzhou', 'kangbao', 'xicheng', 'member'];

async function refusedToOthers(send: (cookie: string) => Promise<{ statusCode: number; json(): unknown }>) {
  for (const name of OTHERS) {
    const res = await send(await t.login(name));
    expect(res.statusCode, name).toBe(403);
    expect((res.json() as { code: string }).code).toBe('FORBIDDEN');
  }
}

describe('GET /api/v1/jobs', () => {
  it('401, and 403 for everyone but the system admin', async () => {
    expect((await get('/api/v1/jobs')).statusCode).toBe(401);
    await refusedToOthers((cookie) => get('/api/v1/jobs', cookie));
  });

  it('lists each module’s jobs with their schedule and next time in Asia/Shanghai', async () => {
    const res = await get('/api/v1/jobs', admin);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { name: string; schedule: string; nextRunAt: string; label: string }[];
    expect(items.map((j) => j.name)).toEqual(
      expect.arrayContaining([
        'auth.session_purge',
        'members.rollup_check',
        'jobs.outbox_drain',
        'jobs.prune',
      ]),
    );
    const purge = items.find((j) => j.name === 'auth.session_purge')!;
    expect(purge).toMatchObject({ label: '清理过期会话', schedule: '0 3 * * *' });
    // The next 03:00 in Beijing time, within a day.
    const next = new Date(purge.nextRunAt);
    expect(next.getTime() - Date.now()).toBeGreaterThan(0);
    expect(next.getTime() - Date.now()).toBeLessThanOrEqual(86_400_000);
    expect(next.getUTCHours()).toBe(19);
    expect(next.getUTCMinutes()).toBe(0);
  });
});

describe('GET /api/v1/jobs/runs', () => {
  it('401, 403, and 400 naming the field', async () => {
    expect((await get('/api/v1/jobs/runs')).statusCode).toBe(401);
    await refusedToOthers((cookie) => get('/api/v1/jobs/runs', cookie));
    for (const query of ['limit=0', 'limit=201', 'limit=ten']) {
      const res = await get(`/api/v1/jobs/runs?${query}`, admin);
      expect(res.statusCode, query).toBe(400);
      expect(faultyFields(res)).toEqual(['limit']);
    }
    const bad = await get('/api/v1/jobs/runs?job=DROP%20TABLE', admin);
    expect(bad.statusCode).toBe(400);
    expect(faultyFields(bad)).toEqual(['job']);
  });

  it('lists runs newest first, of one job or all', async () => {
    await t.services.jobs.runNow('jobs.prune');
    await t.services.jobs.runNow('auth.session_purge');
    await t.services.jobs.runNow('auth.session_purge');
    const all = (await get('/api/v1/jobs/runs?limit=2', admin)).json().items as { id: number; job: string }[];
    expect(all.map((r) => r.job)).toEqual(['auth.session_purge', 'auth.session_purge']);
    expect(all[0]!.id).toBeGreaterThan(all[1]!.id);
    const one = (await get('/api/v1/jobs/runs?job=jobs.prune', admin)).json().items as { job: string }[];
    expect(one.length).toBeGreaterThan(0);
    expect(one.every((r) => r.job === 'jobs.prune')).toBe(true);
    expect((await get('/api/v1/jobs/runs?job=nothing.here', admin)).json().items).toEqual([]);
  });
});

describe('POST /api/v1/jobs/:name/run', () => {
  it('401, 403, 400 for a name that cannot be one, 404 for one that is not', async () => {
    expect((await post('/api/v1/jobs/auth.session_purge/run')).statusCode).toBe(401);
    await refusedToOthers((cookie) => post('/api/v1/jobs/auth.session_purge/run', cookie));
    const bad = await post('/api/v1/jobs/Auth-Purge/run', admin);
    expect(bad.statusCode).toBe(400);
    expect(faultyFields(bad)).toEqual(['name']);
    const missing = await post('/api/v1/jobs/auth.nothing/run', admin);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('JOB_NOT_FOUND');
  });

  it('runs the job now, answers with its outcome, and is audited', async () => {
    const res = await post('/api/v1/jobs/auth.session_purge/run', admin);
    expect(res.statusCode, res.body).toBe(200);
    const run = res.json();
    expect(run).toMatchObject({ job: 'auth.session_purge', attempt: 1, outcome: 'succeeded', error: null });
    expect(run.rows).toEqual(expect.any(Number));
    const [entry] = await queryRows<{
      actor_name: string;
      target_id: string;
      target_label: string;
      after: unknown;
    }>(
      t.store.db,
      sql`select actor_name, target_id, target_label, after from audit_log where action = 'job.run'
          order by seq desc limit 1`,
    );
    expect(entry).toMatchObject({
      actor_name: 'admin',
      target_id: 'auth.session_purge',
      target_label: '清理过期会话',
      after: { runId: run.id },
    });
    const listed = (await get('/api/v1/jobs', admin))
      .json()
      .items.find((j: { name: string }) => j.name === 'auth.session_purge');
    expect(listed.lastRun).toMatchObject({ id: run.id, outcome: 'succeeded' });
  });

  it('shows a failed run with its error and when it is tried again', async () => {
    // An item no module handles makes the outbox drain fail.
    await t.store.db.transaction((tx) => outboxRepository.insert(tx, 'test.unhandled', { id: 1 }));
    const res = await post('/api/v1/jobs/jobs.outbox_drain/run', admin);
    expect(res.statusCode, res.body).toBe(200);
    const run = res.json();
    expect(run.outcome).toBe('failed');
    expect(run.rows).toBeNull();
    expect(run.error).toMatch(
      /^1 条待办处理失败，将稍后重试；首条为「test\.unhandled」#\d+：没有模块处理「test\.unhandled」类待办$/,
    );
    expect(new Date(run.retryAt).getTime()).toBe(new Date(run.finishedAt).getTime() + 60_000);
    const listed = (await get('/api/v1/jobs', admin))
      .json()
      .items.find((j: { name: string }) => j.name === 'jobs.outbox_drain');
    expect(listed.lastRun).toMatchObject({ id: run.id, outcome: 'failed', error: run.error });
    const runs = (await get('/api/v1/jobs/runs?job=jobs.outbox_drain', admin)).json().items;
    expect(runs[0]).toMatchObject({ id: run.id, outcome: 'failed', retryAt: run.retryAt });
    await t.store.db.execute(sql`delete from outbox`);
  });
});

describe('the job list', () => {
  it('every schedule reads as a cron expression', () => {
    for (const job of t.app.platform.jobs) expect(() => jobClock(job.schedule), job.name).not.toThrow();
  });
});
