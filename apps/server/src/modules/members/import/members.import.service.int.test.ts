import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, secondInstance, TEST_FIELD_KEY, type TestApp } from '../../../../test/app';
import { synthId } from '../../../../test/excel';
import { orgByName } from '../../../../test/factories';
import { plainSheet } from '../../../../test/member-sheets';
import { testStoreKind } from '../../../../test/store';
import { fieldCryptoFor } from '../../../app';
import { queryRows } from '../../../db/client';
import { members as membersTable } from '../../../db/schema';
import { type CryptoWorkers, cryptoWorkers } from '../../../lib/worker-pool';
import type { Actor } from '../../../policy/policy';
import { buildMemberRow } from '../record/members.record';
import { createMemberImport } from './members.import';

/** The import service itself: its limits, and a commit that fails part-way. */

let t: TestApp;
let tongzhou: Actor;
let tongzhouCookie: string;
let tongzhouId: number;

beforeAll(async () => {
  t = await createTestApp({}, { members: 0 });
  tongzhouCookie = await t.login('tongzhou');
  tongzhou = await t.actorOf(tongzhouCookie);
  tongzhouId = (await orgByName(t.store, '驻北京通州区流动党委')).id;
});
const spooled: string[] = [];
afterAll(async () => {
  for (const dir of spooled) fs.rmSync(dir, { recursive: true, force: true });
  await t.close();
});

const memberCount = async () =>
  (await queryRows<{ n: number }>(t.store.db, sql`select count(*)::int as n from members`))[0]!.n;

const importer = (limits: { maxRows?: number; maxErrors?: number; batchSize?: number }) =>
  createMemberImport({
    db: t.store.db,
    config: t.config,
    crypto: fieldCryptoFor(t.config),
    orgs: t.services.orgs.tree,
    members: t.services.members.record,
    events: t.app.platform.ctx.events,
    limits,
  });

/** The file on disk, as the route spools an upload. */
function spool(data: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-test-'));
  spooled.push(dir);
  fs.writeFileSync(path.join(dir, 'f.xlsx'), data);
  return path.join(dir, 'f.xlsx');
}

/** Eight good rows of people not yet in the base. */
const freshRows = (seqBase: number) =>
  plainSheet(
    Array.from({ length: 8 }, (_, i) => [
      `新党员${i}`,
      synthId('130732', '19940101', seqBase + i * 2),
      `1390000${String(seqBase + i).padStart(4, '0')}`,
      '2016-07-01',
      '赤城县',
    ]),
  );

it('refuses a file of more rows than the limit', async () => {
  const job = await importer({ maxRows: 5 }).prepare(tongzhou, {
    path: spool(await freshRows(301)),
    fileName: 'f.xlsx',
    orgId: tongzhouId,
  });
  await expect(job.run()).rejects.toMatchObject({ status: 400, code: 'IMPORT_TOO_MANY_ROWS' });
});

it('lists the first errors and says how many there are in all', async () => {
  const threeBad = await plainSheet(
    [601, 603, 605].map((seq) => [
      '错县区',
      synthId('130732', '19940101', seq),
      '13900000601',
      '2016-07-01',
      '长安区',
    ]),
  );
  const job = await importer({ maxErrors: 2 }).prepare(tongzhou, {
    path: spool(threeBad),
    fileName: 'f.xlsx',
    orgId: tongzhouId,
  });
  const report = await job.run();
  expect(report.errors.map((e) => [e.row, e.code])).toEqual([
    [2, 'UNKNOWN_DIVISION'],
    [3, 'UNKNOWN_DIVISION'],
    [0, 'IMPORT_TOO_MANY_ERRORS'],
  ]);
  expect(report).toMatchObject({ total: 3, valid: 0 });
  expect(report.errors[2]!.message).toContain('共有 3 处错误，仅列出前 2 处');
});

/** Checks the file as the route does; returns the stage id (every row must pass). */
async function stageOf(data: Buffer, batchSize = 1000): Promise<string> {
  const job = await importer({ batchSize }).prepare(tongzhou, {
    path: spool(data),
    fileName: 'f.xlsx',
    orgId: tongzhouId,
  });
  const report = await job.run();
  expect(report.errors).toEqual([]);
  return report.stage!.id;
}

const commitRequest = (stageId: string, app: { inject: TestApp['app']['inject'] } = t.app) =>
  app.inject({
    method: 'POST',
    url: `/api/v1/members/import/stages/${stageId}/commit`,
    headers: { cookie: tongzhouCookie },
  });

/** A member registered by hand (as a second writer would), holding `idNumber`. */
const registered = (idNumber: string) =>
  buildMemberRow(
    fieldCryptoFor(t.config),
    {
      name: '并发录入',
      idNumber,
      phone: '13900000999',
      joinedAt: '2016-07-01',
      memberType: 'full',
      homeCounty: '130732',
      relationship: 'certificate',
      source: 'manual',
    },
    { id: tongzhouId, path: '' },
    '2024-06-01',
  );

it('keeps nothing when the commit fails after some batches were written; the stage is kept for a retry', async () => {
  const before = await memberCount();
  const stageId = await stageOf(await freshRows(401), 2);
  const seen: string[] = [];
  const failing = (await importer({ batchSize: 2 }).commit(tongzhou, stageId)).run((p) => {
    seen.push(`${p.phase}:${p.processed}`);
    if (p.phase === 'commit' && p.processed === 4) throw new Error('the connection went away');
  });
  await expect(failing).rejects.toThrow('the connection went away');
  expect(seen).toEqual(['commit:2', 'commit:4']);
  expect(await memberCount()).toBe(before);
  const retry = await commitRequest(stageId);
  expect(retry.json()).toMatchObject({ committed: true, imported: 8 });
  expect(await memberCount()).toBe(before + 8);
});

it('refuses an expired stage with 410 and removes it; the job removes those left', async () => {
  const stageId = await stageOf(await freshRows(701));
  await t.store.db.execute(
    sql`update member_import_stages set expires_at = now() - interval '1 second' where id = ${stageId}::uuid`,
  );
  const res = await commitRequest(stageId);
  expect(res.statusCode).toBe(410);
  expect(res.json()).toMatchObject({
    code: 'IMPORT_STAGE_EXPIRED',
    message: expect.stringContaining('过期'),
  });
  expect((await commitRequest(stageId)).statusCode).toBe(404);

  // One nobody comes back for is removed, with its rows, by the hourly job.
  const left = await stageOf(await freshRows(751));
  await t.store.db.execute(
    sql`update member_import_stages set expires_at = now() - interval '1 second' where id = ${left}::uuid`,
  );
  expect(await t.services.members.importer.purgeExpired()).toBe(1);
  const [rows] = await queryRows<{ n: number }>(
    t.store.db,
    sql`select count(*)::int as n from member_import_stage_rows where stage_id = ${left}::uuid`,
  );
  expect(rows).toEqual({ n: 0 });
});

it('answers 409 naming the row and writes nothing when a person of the file was registered since the check', async () => {
  const stageId = await stageOf(await freshRows(801));
  const before = await memberCount();
  const org = await orgByName(t.store, '驻北京通州区流动党委');
  await t.store.db
    .insert(membersTable)
    .values({ ...registered(synthId('130732', '19940101', 805)), orgPath: org.path });
  const res = await commitRequest(stageId);
  expect(res.statusCode).toBe(409);
  // The file's header is row 1: the third person is row 4.
  expect(res.json()).toMatchObject({ code: 'IMPORT_CONFLICT', message: expect.stringContaining('第 4 行') });
  expect(await memberCount()).toBe(before + 1);
});

it('commits a stage from a second instance on the same database', async () => {
  const stageId = await stageOf(await freshRows(901));
  const second = await secondInstance(t, 2);
  try {
    const before = await memberCount();
    const res = await commitRequest(stageId, second.app);
    expect(res.json()).toMatchObject({ committed: true, imported: 8 });
    expect(await memberCount()).toBe(before + 8);
  } finally {
    await second.close();
  }
});

it.runIf(testStoreKind() === 'postgres')(
  'answers 409 and keeps nothing when a concurrent insert of the same person wins',
  async () => {
    const stageId = await stageOf(await freshRows(501));
    const holder = new pg.Client({ connectionString: (t.store as { url?: string }).url });
    await holder.connect();
    const before = await memberCount();
    try {
      // Another writer registers the file's third person and holds its transaction open.
      await holder.query('begin');
      const org = await orgByName(t.store, '驻北京通州区流动党委');
      await drizzle({ client: holder })
        .insert(membersTable)
        .values({ ...registered(synthId('130732', '19940101', 505)), orgPath: org.path });
      const pending = commitRequest(stageId);
      // The commit checked (the row is not committed, so not seen) and now waits on its insert.
      await expect
        .poll(
          async () =>
            (
              await holder.query(
                "select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()",
              )
            ).rows[0].n,
          { timeout: 20_000, interval: 50 },
        )
        .toBeGreaterThan(0);
      await holder.query('commit');
      const res = await pending;
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({
        code: 'IMPORT_CONFLICT',
        message: expect.stringContaining('全部撤销'),
      });
      expect(await memberCount()).toBe(before + 1);
    } finally {
      await holder.end();
    }
  },
);

it('stages the same rows in worker threads as in its own thread, in the same order, under the same key', async () => {
  const key = Buffer.from(TEST_FIELD_KEY, 'base64');
  const workers = cryptoWorkers(key, t.config.cryptoSuite, 1);
  const crypto = fieldCryptoFor(t.config);
  const file = spool(await freshRows(601));
  const stagedBy = async (pool: CryptoWorkers | undefined) => {
    // Batches of 3: the first is made in this thread, the other two in a worker when there is one.
    const service = createMemberImport({
      db: t.store.db,
      config: t.config,
      crypto,
      orgs: t.services.orgs.tree,
      members: t.services.members.record,
      events: t.app.platform.ctx.events,
      limits: { batchSize: 3 },
      ...(pool ? { workers: pool } : {}),
    });
    const job = await service.prepare(tongzhou, { path: file, fileName: 'f.xlsx', orgId: tongzhouId });
    const { stage, errors } = await job.run();
    expect(errors).toEqual([]);
    const rows = await queryRows<Record<string, unknown>>(
      t.store.db,
      sql`select * from member_import_stage_rows where stage_id = ${stage!.id}::uuid order by n`,
    );
    return rows.map(({ stage_id, id_cipher, phone_cipher, ...rest }) => ({
      ...rest,
      idNumber: crypto.decrypt('idNumber', String(id_cipher)),
      phone: crypto.decrypt('phone', String(phone_cipher)),
    })) as Record<string, unknown>[];
  };
  try {
    const inThread = await stagedBy(undefined);
    const inWorkers = await stagedBy(workers);
    expect(inThread).toHaveLength(8);
    expect(inThread.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(inWorkers).toEqual(inThread);
    expect(inThread[7]).toMatchObject({
      name: '新党员7',
      name_pinyin: 'xindangyuan',
      idNumber: synthId('130732', '19940101', 615),
    });
  } finally {
    await workers.close();
  }
});
