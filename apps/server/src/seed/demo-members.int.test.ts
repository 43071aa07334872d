import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseIdNumber, parsePhone } from '@ningxin/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_FIELD_KEY, type TestApp } from '../../test/app';
import { rollupDrift } from '../../test/member-counts';
import { createProcessStoreEnv, createTestStore } from '../../test/store';
import { type Executor, openStore, queryRows, type Store } from '../db/client';
import { createFieldCrypto } from '../lib/field-crypto';
import { TOP_COMMITTEE } from './demo-committee';
import { topUpDemoMembers } from './demo-member-load';

const crypto = createFieldCrypto(Buffer.from(TEST_FIELD_KEY, 'base64'));
const serverDir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

const count = async (db: Executor, query = sql`select count(*)::int as n from members`) =>
  (await queryRows<{ n: number }>(db, query))[0]!.n;

/** Every member is in an open branch under a second-level committee of the demo committee. */
const membersOutsideDemoBranches = (db: Executor) =>
  count(
    db,
    sql`select count(*)::int as n from members m
        where not exists (
          select 1 from orgs b
          join orgs c on c.id = b.parent_id and c.kind = 'sub_committee'
          join orgs t on t.id = c.parent_id and t.parent_id is null and t.name = ${TOP_COMMITTEE.name}
          where b.id = m.org_id and b.kind = 'branch' and m.org_path = b.path)`,
  );

/** Decrypts a sample of records and checks each against its clear columns. */
async function checkSample(db: Executor, limit = 300) {
  const rows = await queryRows<{
    id_cipher: string;
    id_hash: string;
    id_masked: string;
    phone_cipher: string;
    phone_hash: string;
    birth_date: string;
    gender: string;
    joined_at: string;
  }>(
    db,
    sql`select id_cipher, id_hash, id_masked, phone_cipher, phone_hash, birth_date::text, gender, joined_at::text
        from members order by random() limit ${limit}`,
  );
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) {
    const idNumber = crypto.decrypt('idNumber', r.id_cipher);
    const id = parseIdNumber(idNumber);
    expect(id.ok).toBe(true);
    if (!id.ok) continue;
    expect([id.value.birthDate, id.value.gender]).toEqual([r.birth_date, r.gender]);
    expect(r.joined_at >= `${Number(r.birth_date.slice(0, 4)) + 18}${r.birth_date.slice(4)}`).toBe(true);
    expect(crypto.hash('idNumber', idNumber)).toBe(r.id_hash);
    expect(r.id_masked).toBe(`${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`);
    const phone = crypto.decrypt('phone', r.phone_cipher);
    expect(parsePhone(phone).ok).toBe(true);
    expect(crypto.hash('phone', phone)).toBe(r.phone_hash);
  }
}

describe('seedDemo with members', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, { members: 2000 });
  });
  afterAll(() => t.close());

  it('creates exactly the members asked for, each in a branch of the demo committee, with a timeline', async () => {
    expect(await count(t.store.db)).toBe(2000);
    expect(await rollupDrift(t.store.db)).toEqual([]);
    expect(await membersOutsideDemoBranches(t.store.db)).toBe(0);
    const [events] = await queryRows<{ created: number; changes: number; without: number }>(
      t.store.db,
      sql`select count(*) filter (where from_status is null)::int as created,
                 count(*) filter (where from_status is not null)::int as changes,
                 (select count(*)::int from members m where not exists
                   (select 1 from member_status_events e where e.member_id = m.id)) as without
          from member_status_events`,
    );
    expect(events!.created).toBe(2000);
    expect(events!.without).toBe(0);
    expect(events!.changes).toBe(
      await count(t.store.db, sql`select count(*)::int as n from members where status <> 'active'`),
    );
    await checkSample(t.store.db);
  });

  it('gives all 17 second-level committees members, unevenly', async () => {
    const rows = await queryRows<{ name: string; n: number }>(
      t.store.db,
      sql`select c.name, count(m.id)::int as n
          from orgs c left join members m on m.org_path like c.path || '.%'
          where c.kind = 'sub_committee' group by c.name order by n desc`,
    );
    expect(rows).toHaveLength(17);
    expect(rows.every((r) => r.n > 0)).toBe(true);
    expect(rows[0]!.n).toBeGreaterThan(4 * rows[16]!.n);
    expect(rows.slice(0, 5).map((r) => r.name)).toContain('驻北京通州区流动党委');
  });

  it('lets the demo member sign in and read their own 在册 record in a 通州 branch', async () => {
    const cookie = await t.login('member');
    const res = await t.request({ method: 'GET', url: '/api/v1/me/member', cookie });
    expect(res.statusCode).toBe(200);
    const me = res.json();
    const [linked] = await queryRows<{ member_id: number; display_name: string; path: string }>(
      t.store.db,
      sql`select u.member_id, u.display_name, o.path from users u
          join members m on m.id = u.member_id join orgs o on o.id = m.org_id
          where u.username = 'member'`,
    );
    expect(me.id).toBe(linked!.member_id);
    expect(me.name).toBe(linked!.display_name);
    expect(me.status).toBe('active');
    const [tongzhou] = await queryRows<{ path: string }>(
      t.store.db,
      sql`select path from orgs where name = '驻北京通州区流动党委'`,
    );
    expect(linked!.path.startsWith(`${tongzhou!.path}.`)).toBe(true);
    // The member sees only their own record: the member list is not theirs to read.
    expect((await t.request({ method: 'GET', url: '/api/v1/members', cookie })).statusCode).toBe(403);
  });
});

describe('topUpDemoMembers (the bulk path)', () => {
  let store: Store & { dispose(): Promise<void> };
  beforeAll(async () => {
    store = await createTestStore();
    const { seedDemo } = await import('./demo');
    await seedDemo(store.db, crypto, { members: 300 });
  });
  afterAll(() => store.dispose());

  const indexes = async () =>
    (
      await queryRows<{ def: string }>(
        store.db,
        sql`select indexdef as def from pg_indexes where tablename in ('members', 'member_status_events') order by 1`,
      )
    ).map((r) => r.def);

  it('adds members until the base holds the target, then adds none', async () => {
    const before = await indexes();
    const progress: number[] = [];
    const result = await topUpDemoMembers(store.db, crypto, 5000, {
      progressEvery: 2000,
      onProgress: (p) => progress.push(p.added),
    });
    expect(result).toMatchObject({ added: 4700, total: 5000 });
    expect(progress).toEqual([2000, 4000, 4700]);
    expect(await count(store.db)).toBe(5000);
    expect(await indexes()).toEqual(before);
    expect(await rollupDrift(store.db)).toEqual([]);
    expect((await topUpDemoMembers(store.db, crypto, 4000)).added).toBe(0);
    expect(await count(store.db)).toBe(5000);
  });

  it('writes nothing when the load fails half-way, and leaves the store usable', async () => {
    let calls = 0;
    const failing = {
      ...crypto,
      encrypt(field: 'idNumber' | 'phone', plain: string) {
        if (++calls > 3000) throw new Error('disk on fire');
        return crypto.encrypt(field, plain);
      },
    };
    const before = await indexes();
    await expect(
      topUpDemoMembers(store.db, failing, 9000, { progressEvery: 1000, rebuildIndexes: true }),
    ).rejects.toThrow('disk on fire');
    expect(await count(store.db)).toBe(5000);
    expect(await indexes()).toEqual(before);
    expect(await rollupDrift(store.db)).toEqual([]);
  });

  it('rebuilds the indexes and foreign keys it dropped, with valid, unique data', async () => {
    const before = await indexes();
    const result = await topUpDemoMembers(store.db, crypto, 6000, { rebuildIndexes: true });
    expect(result.added).toBe(1000);
    expect(await indexes()).toEqual(before);
    const [keys] = await queryRows<{ n: number }>(
      store.db,
      sql`select count(*)::int as n from pg_constraint where contype = 'f'
          and conrelid in ('members'::regclass, 'member_status_events'::regclass)`,
    );
    expect(keys!.n).toBe(2);
    const [dup] = await queryRows<{ ids: number; phones: number; events: number }>(
      store.db,
      sql`select count(distinct id_hash)::int as ids, count(distinct phone_hash)::int as phones,
                 (select count(distinct member_id)::int from member_status_events) as events from members`,
    );
    expect(dup).toEqual({ ids: 6000, phones: 6000, events: 6000 });
    expect(await rollupDrift(store.db)).toEqual([]);
    expect(await count(store.db, sql`select sum(n)::int as n from member_counts`)).toBe(6000);
    expect(await count(store.db, sql`select sum(n)::int as n from member_org_counts`)).toBe(6000);
    expect(await membersOutsideDemoBranches(store.db)).toBe(0);
    await checkSample(store.db);
    // New members take ids after the old ones, and the sequence continues after them.
    const [next] = await queryRows<{ max: number; next: number }>(
      store.db,
      sql`select max(id)::int as max, nextval(pg_get_serial_sequence('members', 'id'))::int as next from members`,
    );
    expect(next!.next).toBeGreaterThan(next!.max);
  });
});

describe('npm run cli -- seed-demo --members', () => {
  let env: Record<string, string>;
  let dispose: () => Promise<void> = async () => {};
  beforeAll(async () => {
    ({ env, dispose } = await createProcessStoreEnv('seed'));
  });
  afterAll(() => dispose());

  const cli = (...args: string[]) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      cwd: serverDir,
      env: { ...process.env, LOG_LEVEL: 'silent', FIELD_ENCRYPTION_KEY: TEST_FIELD_KEY, ...env },
      encoding: 'utf8',
    });
    return { code: r.status, out: r.stdout + r.stderr };
  };

  // Each run starts a process, opens and migrates the store and starts the workers: minutes when the machine is busy.
  it('creates the committee on an empty store, then tops up in worker threads', {
    timeout: 300_000,
  }, async () => {
    const first = cli('seed-demo', '--members', '1500');
    expect(first.out).toContain('已生成演示党委');
    expect(first.out).toContain('已补充 1500 名演示党员');
    expect(first.code).toBe(0);
    const again = cli('seed-demo', '--members', '1500');
    expect(again.out).toContain('未补充');
    const more = cli('seed-demo', '--members', '2500');
    expect(more.out).toContain('已补充 1000 名演示党员');
    expect(cli('seed-demo', '--members', 'lots').code).toBe(1);

    const store = await openStore({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
    try {
      expect(await count(store.db)).toBe(2500);
      expect(await membersOutsideDemoBranches(store.db)).toBe(0);
      expect(
        await count(
          store.db,
          sql`select count(*)::int as n from users where username = 'member' and member_id is not null`,
        ),
      ).toBe(1);
      await checkSample(store.db, 100);
    } finally {
      await store.close();
    }
  });
});
