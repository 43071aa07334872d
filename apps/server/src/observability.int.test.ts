import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestApp, type TestApp, testConfig } from '../test/app';
import { multipart } from '../test/excel';
import { orgByName } from '../test/factories';
import { messySheet } from '../test/member-sheets';
import { createTestStore } from '../test/store';
import { buildApp } from './app';
import { queryRows } from './db/client';
import { createJobRunner } from './modules/jobs/jobs.runner';

const TOKEN = 'metrics-token-for-tests-0123456789';

let t: TestApp;
let tongzhou: string;

beforeAll(async () => {
  t = await createTestApp({ METRICS_TOKEN: TOKEN });
  tongzhou = await t.login('tongzhou');
});
afterAll(() => t.close());

const scrape = (authorization?: string, app: FastifyInstance = t.app) =>
  app.inject({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} });

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Prometheus text format, strictly: every line a comment, blank, or `name{labels} value`. */
function parseExposition(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('# HELP ') || line.startsWith('# TYPE ')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) throw new Error(`not a Prometheus sample: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, k, v] of (m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g))
      labels[k!] = v!;
    const value = Number(m[3]);
    if (Number.isNaN(value) && m[3]!.toLowerCase() !== 'nan') throw new Error(`not a number: ${line}`);
    samples.push({ name: m[1]!, labels, value });
  }
  return samples;
}

async function samples(): Promise<Sample[]> {
  const res = await scrape(`Bearer ${TOKEN}`);
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  return parseExposition(res.body);
}

const find = (all: Sample[], name: string, labels: Record<string, string>) =>
  all.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));

describe('GET /metrics', () => {
  it('does not exist unless METRICS_TOKEN is set (404, even with a token)', async () => {
    const off = await buildApp(testConfig(), t.store);
    try {
      for (const auth of [undefined, `Bearer ${TOKEN}`]) {
        const res = await scrape(auth, off);
        expect(res.statusCode).toBe(404);
        expect(res.json().code).toBe('NOT_FOUND');
      }
    } finally {
      await off.close();
    }
  });

  it('answers 401 without the token, with a wrong one or another scheme', async () => {
    for (const auth of [undefined, 'Bearer wrong', `Bearer ${TOKEN}x`, `Basic ${TOKEN}`, TOKEN]) {
      const res = await scrape(auth);
      expect(res.statusCode, auth).toBe(401);
      expect(res.json().code).toBe('UNAUTHENTICATED');
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    }
  });

  it('times requests by route pattern — no id, no query — and counts errors by problem code', async () => {
    const search = await t.request({ method: 'GET', url: '/api/v1/members?q=张三', cookie: tongzhou });
    expect(search.statusCode, search.body).toBe(200);
    const list = await t.request({ method: 'GET', url: '/api/v1/members', cookie: tongzhou });
    expect(list.statusCode, list.body).toBe(200);
    const id = (list.json().items as { id: number }[])[0]?.id;
    expect(id).toBeDefined();
    for (let i = 0; i < 3; i++) {
      const one = await t.request({ method: 'GET', url: `/api/v1/members/${id}`, cookie: tongzhou });
      expect(one.statusCode).toBe(200);
    }
    const bad = await t.request({ method: 'POST', url: '/api/v1/members', payload: {}, cookie: tongzhou });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_FAILED');

    const res = await scrape(`Bearer ${TOKEN}`);
    expect(res.body).not.toContain(`/api/v1/members/${id}`);
    expect(res.body).not.toContain('张三');
    expect(res.body).not.toContain('q=');
    const all = parseExposition(res.body);
    const route = '/api/v1/members/:id';
    expect(
      find(all, 'ningxin_http_request_duration_seconds_count', { method: 'GET', route, status_code: '200' })
        ?.value,
    ).toBe(3);
    expect(
      find(all, 'ningxin_http_request_duration_seconds_bucket', { route, status_code: '200', le: '+Inf' })
        ?.value,
    ).toBe(3);
    expect(
      find(all, 'ningxin_http_request_duration_seconds_count', { route: '/api/v1/members' }),
    ).toBeDefined();
    expect(
      find(all, 'ningxin_http_problems_total', {
        method: 'POST',
        route: '/api/v1/members',
        status_code: '400',
        code: 'VALIDATION_FAILED',
      })?.value,
    ).toBe(1);
    // The process metrics, and the pool where there is one (PostgreSQL).
    expect(find(all, 'process_cpu_user_seconds_total', {})).toBeDefined();
    expect(find(all, 'nodejs_eventloop_lag_seconds', {})).toBeDefined();
    const inUse = find(all, 'ningxin_db_pool_in_use', {});
    if (t.store.kind === 'postgres') {
      expect(inUse?.value).toBeGreaterThanOrEqual(0);
      expect(find(all, 'ningxin_db_pool_waiting', {})?.value).toBe(0);
      expect(find(all, 'ningxin_db_pool_connections', {})?.value).toBeGreaterThan(0);
    } else expect(inUse).toBeUndefined();
  });

  it('labels an unknown /api path as unmatched, never by its address', async () => {
    await t.request({ method: 'GET', url: '/api/v1/no-such-thing/130732199001019011' });
    const all = await samples();
    expect(find(all, 'ningxin_http_problems_total', { route: 'unmatched', code: 'NOT_FOUND' })?.value).toBe(
      1,
    );
    expect(all.some((s) => Object.values(s.labels).some((v) => v.includes('130732')))).toBe(false);
  });

  it('counts job runs and their failures', async () => {
    const admin = await t.login('admin');
    const run = await t.request({ method: 'POST', url: '/api/v1/jobs/jobs.prune/run', cookie: admin });
    expect(run.statusCode, run.body).toBe(200);
    const runner = createJobRunner({
      store: t.store,
      jobs: () => [],
      metrics: t.app.platform.ctx.metrics,
    });
    const failing = {
      name: 'test.always_fails',
      label: '总是失败',
      schedule: '0 0 1 1 *',
      run: () => Promise.reject(new Error('boom')),
    };
    expect(await runner.runNow(failing)).toMatchObject({ status: 'ran', run: { outcome: 'failed' } });
    const all = await samples();
    expect(find(all, 'ningxin_job_runs_total', { job: 'jobs.prune', outcome: 'succeeded' })?.value).toBe(1);
    expect(find(all, 'ningxin_job_runs_total', { job: 'test.always_fails', outcome: 'failed' })?.value).toBe(
      1,
    );
    expect(find(all, 'ningxin_job_duration_seconds_count', { job: 'jobs.prune' })?.value).toBe(1);
  });

  it('times member imports by outcome', async () => {
    const orgId = (await orgByName(t.store, '驻北京通州区流动党委')).id;
    const { payload, headers } = await multipart(
      { dryRun: 'true', orgId: String(orgId) },
      { name: '通州党员.xlsx', data: await messySheet(false) },
    );
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/members/import',
      payload,
      headers,
      cookie: tongzhou,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().errors.length).toBeGreaterThan(0);
    const all = await samples();
    expect(find(all, 'ningxin_member_import_duration_seconds_count', { outcome: 'rejected' })?.value).toBe(1);
  });
});

describe('GET /api/health, /api/health/live, /api/health/ready', () => {
  it('keeps /api/health as it was, and says live and ready', async () => {
    const health = await t.request({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok', store: t.store.kind });
    const live = await t.request({ method: 'GET', url: '/api/health/live' });
    expect(live.statusCode).toBe(200);
    expect(live.json()).toEqual({ status: 'ok' });
    const ready = await t.request({ method: 'GET', url: '/api/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', store: t.store.kind });
  });

  it('answers 503 naming what is not ready: a migration missing, then the database gone', async () => {
    // A copy of the run's demo template: quicker than migrating an empty store.
    const store = await createTestStore(inject('demoTemplate') ?? null);
    const app = await buildApp(testConfig(), store);
    try {
      const ready = () => app.inject({ method: 'GET', url: '/api/health/ready' });
      expect((await ready()).statusCode).toBe(200);

      const [latest] = await queryRows<{ id: number }>(
        store.db,
        sql`select id from drizzle.__drizzle_migrations order by created_at desc limit 1`,
      );
      await store.db.execute(sql`delete from drizzle.__drizzle_migrations where id = ${latest!.id}`);
      const pending = await ready();
      expect(pending.statusCode).toBe(503);
      expect(pending.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(pending.json()).toMatchObject({
        code: 'NOT_READY',
        details: { checks: { database: 'ok', migrations: 'pending' } },
      });
      expect(pending.json().message).toContain('迁移');

      await store.close();
      const gone = await ready();
      expect(gone.statusCode).toBe(503);
      expect(gone.json()).toMatchObject({
        code: 'NOT_READY',
        details: { checks: { database: 'unreachable', migrations: 'unknown' } },
      });
      expect(gone.json().message).toContain('数据库');
      // Live does not ask the database.
      expect((await app.inject({ method: 'GET', url: '/api/health/live' })).statusCode).toBe(200);
    } finally {
      await app.close();
      await store.dispose().catch(() => undefined);
    }
  });
});
