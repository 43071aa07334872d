import { localIsoDate } from '@ningxin/shared';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';
import { loadXlsx, sheetRows } from '../../test/excel';
import { branchOf } from '../../test/factories';
import { memberBody } from '../../test/member-factory';
import { type OwnCluster, ownCluster } from '../../test/pg-cluster';
import { freePort } from '../../test/server-process';
import { testStoreKind } from '../../test/store';
import { openStore, queryRows } from './client';
import { ReadRouterPool } from './replica';

/**
 * DATABASE_REPLICA_URL on a primary and a streaming standby of the test's own (two PostgreSQL 15
 * clusters on free ports, the standby made with pg_basebackup -R): lists come from the standby
 * while it keeps up, from the primary while it lags past the limit or is down; writes and
 * transactions never reach it. So do, for each kind of lag-tolerant read, one representative
 * that a new honour shows in: a statistics topic of another domain (honours by level), a panel of
 * the big screen (the feed of deeds) and an export (the honours' .xlsx); and the exports of two
 * more modules: the hometown donations' (a new donation) and a branch's dues month report (a new
 * member of the branch). PostgreSQL only (the embedded store has no standby).
 */
const METRICS_TOKEN = 'replica-test-metrics-token';
const MAX_LAG_MS = 2500;

describe.skipIf(testStoreKind() !== 'postgres')('lag-tolerant reads on a streaming standby', () => {
  let primary: OwnCluster;
  let standby: OwnCluster;
  let t: TestApp;
  let office: string;
  let branch: number;
  /** A member on the rolls, the recipient of the test's honours. */
  let recipient: number;
  /** The branch's dues month of this month, whose report lists the branch's members. */
  let duesMonth: number;
  const today = localIsoDate(new Date());
  const year = Number(today.slice(0, 4));

  beforeAll(async () => {
    primary = await ownCluster(undefined, ['fsync=off']);
    const admin = new pg.Client({ connectionString: primary.url('postgres') });
    await admin.connect();
    // UTF-8 character classes, for the search's trigrams (docs: STACK.md).
    await admin.query(
      "create database ningxin template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'",
    );
    await admin.end();
    standby = await primary.standby();
    // Migrated and seeded on the primary after the copy: the standby receives it all by streaming.
    const store = await openStore({
      databaseUrl: primary.url('ningxin'),
      poolSize: 4,
      replica: { url: standby.url('ningxin'), maxLagMs: MAX_LAG_MS },
    });
    t = await createTestApp({ METRICS_TOKEN }, { store: { ...store, dispose: store.close }, members: 40 });
    office = await t.login('office');
    branch = (await branchOf(t.store, '驻北京通州区流动党委')).id;
    const [member] = await queryRows<{ id: number }>(
      t.store.db,
      sql`select id from members where status = 'active' order by id limit 1`,
    );
    recipient = member!.id;
    const month = await t.request({
      method: 'POST',
      url: '/api/v1/dues/months',
      payload: { orgId: branch, month: today.slice(0, 7) },
      cookie: office,
    });
    expect(month.statusCode, month.body).toBe(201);
    duesMonth = month.json().id;
  });
  afterAll(async () => {
    await t?.close();
    standby?.destroy();
    primary?.destroy();
  });

  const replicaState = async () => {
    const res = await t.request({ method: 'GET', url: '/api/health/ready' });
    expect(res.statusCode).toBe(200);
    return res.json().replica as string;
  };
  /** The lag-tolerant statements so far, by who answered them, as /metrics reports them. */
  const served = async () => {
    const text = (
      await t.request({
        method: 'GET',
        url: '/metrics',
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      })
    ).body;
    const count = (by: string) =>
      Number(
        new RegExp(`ningxin_db_lag_tolerant_queries_total\\{served_by="${by}"\\} (\\d+)`).exec(text)?.[1],
      );
    return { replica: count('replica'), primary: count('primary') };
  };
  const until = async (what: string, check: () => Promise<boolean>) => {
    const deadline = Date.now() + 15_000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`waited 15 s for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const stateIs = (state: string) =>
    until(`the standby ${state}`, async () => (await replicaState()) === state);
  /** The names the member list finds for a search, and who answered its statements. */
  const listed = async (q: string) => {
    const before = await served();
    const res = await t.request({
      method: 'GET',
      url: `/api/v1/members?q=${encodeURIComponent(q)}`,
      cookie: office,
    });
    expect(res.statusCode).toBe(200);
    const after = await served();
    const body = res.json() as { items: { name: string }[]; total: number };
    return {
      names: body.items.map((i) => i.name),
      total: body.total,
      by: { replica: after.replica - before.replica, primary: after.primary - before.primary },
    };
  };
  /**
   * A list answer of the one member named, its one statement (the page with its total in each row)
   * answered by `by`.
   */
  const found = (name: string, by: 'replica' | 'primary') => ({
    names: [name],
    total: 1,
    by: { replica: by === 'replica' ? 1 : 0, primary: by === 'primary' ? 1 : 0 },
  });
  const create = async (name: string) => {
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/members',
      payload: memberBody(branch, { name }),
      cookie: office,
    });
    expect(res.statusCode).toBe(201);
  };
  /** An honour titled `title` and a hometown donation of a donor so named. */
  const honour = async (title: string) => {
    const donation = await t.request({
      method: 'POST',
      url: '/api/v1/hometown/donations',
      payload: {
        donorKind: 'enterprise',
        donorName: title,
        kind: 'funds',
        amountYuan: '1000.00',
        purpose: 'covid',
        countyCode: '130723',
        recipient: '康保县疫情防控指挥部',
        donatedOn: today,
        orgId: branch,
      },
      cookie: office,
    });
    expect(donation.statusCode, donation.body).toBe(201);
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/honours',
      payload: {
        kind: 'individual',
        level: 'county',
        title,
        issuer: '通州区委',
        awardedOn: today,
        memberId: recipient,
      },
      cookie: office,
    });
    expect(res.statusCode, res.body).toBe(201);
  };
  /** What one GET shows of the honour titled `title`, and who answered its lag-tolerant statements. */
  const shown = async (
    url: string,
    sees: (res: { json(): unknown; rawPayload: Buffer }) => Promise<unknown>,
  ) => {
    const before = await served();
    const res = await t.request({ method: 'GET', url, cookie: office });
    expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(200);
    const after = await served();
    const by = { replica: after.replica - before.replica, primary: after.primary - before.primary };
    // One server answered them all (a read that never reached the router shows as the counts).
    const one =
      by.replica > 0 && by.primary === 0 ? 'replica' : by.primary > 0 && by.replica === 0 ? 'primary' : by;
    return { sees: await sees(res), by: one };
  };
  /** Whether the rows of an .xlsx hold `text`. */
  const holds = (text: string) => async (res: { rawPayload: Buffer }) =>
    sheetRows((await loadXlsx(res.rawPayload)).worksheets[0]!).some((r) => r.includes(text));
  /** Whether the branch's dues month report lists the member named, and who answered it. */
  const reported = (name: string) => shown(`/api/v1/dues/months/${duesMonth}/report`, holds(name));
  /**
   * The honours topic's count of the year, whether the big screen's feed, the honours' export and
   * the hometown donations' export hold `title`, each with the one server that answered it.
   */
  const honourViews = async (title: string) => {
    t.services.screen.screen.clearCache();
    return {
      topic: await shown(
        `/api/v1/stats/honours?year=${year}`,
        async (res) => (res.json() as { total: { count: number } }).total.count,
      ),
      screen: await shown('/api/v1/stats/screen', async (res) =>
        (res.json() as { feed: { title: string }[] }).feed.some((f) => f.title.startsWith(title)),
      ),
      export: await shown(`/api/v1/honours/export?year=${year}`, holds(title)),
      hometown: await shown('/api/v1/hometown/donations/export', holds(title)),
    };
  };
  /** The views of a standby (or primary) that holds the honour, the topic counting `count`. */
  const seen = (count: number, by: 'replica' | 'primary', sees = true) => ({
    topic: { sees: count, by },
    screen: { sees, by },
    export: { sees, by },
    hometown: { sees, by },
  });
  const onStandby = async (query: string) => {
    const client = new pg.Client({ connectionString: standby.url('ningxin') });
    await client.connect();
    try {
      return (await client.query(query)).rows;
    } finally {
      await client.end();
    }
  };

  it('lists a member created on the primary from the standby once it is replayed', async () => {
    await stateIs('ok');
    await create('备库甲一');
    await until('the new member on the standby', async () => (await listed('备库甲一')).total === 1);
    expect(await listed('备库甲一')).toEqual(found('备库甲一', 'replica'));
    expect(await reported('备库甲一')).toEqual({ sees: true, by: 'replica' });
  });

  it('answers a statistics topic, the big screen and an export from the standby once a new honour is replayed', async () => {
    await stateIs('ok');
    const count = (await honourViews('备库荣誉甲')).topic.sees as number;
    await honour('备库荣誉甲');
    await until(
      'the honour on the standby',
      async () => (await honourViews('备库荣誉甲')).export.sees === true,
    );
    expect(await honourViews('备库荣誉甲')).toEqual(seen(count + 1, 'replica'));
  });

  it('reads from the primary while the standby lags past the limit, and from the standby again once it catches up', async () => {
    await stateIs('ok');
    await onStandby('select pg_wal_replay_pause()');
    try {
      await until('the replay paused', async () => {
        const [row] = await onStandby('select pg_get_wal_replay_pause_state() as s');
        return row.s === 'paused';
      });
      const count = (await honourViews('备库荣誉乙')).topic.sees as number;
      await create('备库乙二');
      await honour('备库荣誉乙');
      // Within the limit the standby answers as it is: without the new member, without the honour
      // (an empty page, so the total is a second statement).
      expect(await listed('备库乙二')).toEqual({ names: [], total: 0, by: { replica: 2, primary: 0 } });
      expect(await reported('备库乙二')).toEqual({ sees: false, by: 'replica' });
      expect(await honourViews('备库荣誉乙')).toEqual(seen(count, 'replica', false));
      await stateIs('lagging');
      expect(await listed('备库乙二')).toEqual(found('备库乙二', 'primary'));
      expect(await reported('备库乙二')).toEqual({ sees: true, by: 'primary' });
      expect(await honourViews('备库荣誉乙')).toEqual(seen(count + 1, 'primary'));
      await onStandby('select pg_wal_replay_resume()');
      await stateIs('ok');
      expect(await listed('备库乙二')).toEqual(found('备库乙二', 'replica'));
      expect(await reported('备库乙二')).toEqual({ sees: true, by: 'replica' });
      expect(await honourViews('备库荣誉乙')).toEqual(seen(count + 1, 'replica'));
    } finally {
      await onStandby('select pg_wal_replay_resume()');
    }
  });

  it('sends reads outside a transaction to the standby, a transaction (and so every write) to the primary', async () => {
    await stateIs('ok');
    const inRecovery = sql`select pg_is_in_recovery() as standby`;
    expect(await queryRows(t.store.reads, inRecovery)).toEqual([{ standby: true }]);
    expect(await t.store.reads.transaction((tx) => queryRows(tx, inRecovery))).toEqual([{ standby: false }]);
    expect(await queryRows(t.store.db, inRecovery)).toEqual([{ standby: false }]);
  });

  it('retries on the primary a statement the standby fails on a connection error', async () => {
    const nobody = new pg.Pool({
      connectionString: `postgres://postgres@127.0.0.1:${await freePort()}/ningxin`,
    });
    const primaryPool = new pg.Pool({ connectionString: primary.url('ningxin'), max: 1 });
    const lost: unknown[] = [];
    const router = new ReadRouterPool(primaryPool, nobody, {
      usable: () => true,
      lost: (err) => lost.push(err),
      served: () => undefined,
    });
    try {
      expect((await router.query('select pg_is_in_recovery() as standby')).rows).toEqual([
        { standby: false },
      ]);
      expect(lost).toMatchObject([{ code: 'ECONNREFUSED' }]);
    } finally {
      await Promise.all([nobody.end(), primaryPool.end()]);
    }
  });

  it('answers a list while the standby is stopped from the primary (no 503), and uses the standby again once it is back', async () => {
    await stateIs('ok');
    await standby.stop('fast');
    expect(await listed('备库甲一')).toMatchObject({ names: ['备库甲一'], total: 1, by: { replica: 0 } });
    await stateIs('down');
    const count = (await honourViews('备库荣誉丙')).topic.sees as number;
    await create('备库丙三');
    await honour('备库荣誉丙');
    expect(await listed('备库丙三')).toEqual(found('备库丙三', 'primary'));
    expect(await reported('备库丙三')).toEqual({ sees: true, by: 'primary' });
    expect(await honourViews('备库荣誉丙')).toEqual(seen(count + 1, 'primary'));
    await standby.start();
    await stateIs('ok');
    expect(await listed('备库丙三')).toEqual(found('备库丙三', 'replica'));
    expect(await reported('备库丙三')).toEqual({ sees: true, by: 'replica' });
    expect(await honourViews('备库荣誉丙')).toEqual(seen(count + 1, 'replica'));
  });
});
