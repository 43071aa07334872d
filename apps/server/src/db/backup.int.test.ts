import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app';
import { createProcessStoreEnv, createTestStore, TEST_FIELD_KEY, testStoreKind } from '../../test/store';
import { createFieldCrypto } from '../lib/field-crypto';
import { verifyChain } from '../modules/audit/audit.service';
import { seedDemo } from '../seed/demo';
import { BackupError, restoreBackup, storeChecksums, writeBackup } from './backup';
import { openStore, queryRows, type Store } from './client';

const serverDir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const KEY = Buffer.from(TEST_FIELD_KEY, 'base64');
const OTHER_KEY = Buffer.alloc(32, 8);

let t: TestApp;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ningxin-backup-'));
const file = path.join(work, 'committee.backup');
const disposers: (() => Promise<void>)[] = [];

async function emptyStore() {
  const store = await createTestStore();
  disposers.push(store.dispose);
  return store;
}

const rowsIn = async (store: Store) => (await storeChecksums(store)).reduce((n, x) => n + x.rows, 0);

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof BackupError) return err.message;
    throw err;
  }
  throw new Error('the restore was not refused');
}

beforeAll(async () => {
  t = await createTestApp();
  await writeBackup(t.store, fs.createWriteStream(file), { key: KEY, includeKey: false });
});
afterAll(async () => {
  await t.close();
  for (const dispose of disposers) await dispose();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('backup and restore of a whole store', () => {
  it('round-trips it: every table the same, the audit chain intact, new rows numbered after the old', async () => {
    expect(gunzipSync(fs.readFileSync(file)).toString('utf8')).not.toContain(TEST_FIELD_KEY);
    const target = await emptyStore();
    await restoreBackup(target, fs.createReadStream(file), { key: KEY });
    const [before, after] = await Promise.all([storeChecksums(t.store), storeChecksums(target)]);
    expect(after).toEqual(before);
    expect(before.find((x) => x.name === 'members')!.rows).toBeGreaterThanOrEqual(600);
    expect((await verifyChain(target.db)).status).toBe('intact');
    // Sequences are as the backup found them: a new org takes the id the source would have given next.
    const [{ last }] = (await queryRows<{ last: number }>(
      t.store.db,
      sql`select last_value::int as last from orgs_id_seq`,
    )) as [{ last: number }];
    const [{ max }] = (await queryRows<{ max: number }>(
      target.db,
      sql`select max(id)::int as max from orgs`,
    )) as [{ max: number }];
    const [{ id }] = (await queryRows<{ id: number }>(
      target.db,
      sql`insert into orgs (parent_id, path, kind, name) select id, path || '.0', 'branch', '恢复后新建支部'
          from orgs where parent_id is null returning id`,
    )) as [{ id: number }];
    expect(id).toBe(last + 1);
    expect(id).toBeGreaterThan(max);
  });

  it('refuses a store that is not empty, another key and an altered file, writing nothing', async () => {
    expect(await refusal(restoreBackup(t.store, fs.createReadStream(file), { key: KEY }))).toContain(
      '目标库不是空库',
    );
    const empty = await emptyStore();
    expect(await refusal(restoreBackup(empty, fs.createReadStream(file), { key: OTHER_KEY }))).toContain(
      '当前的字段加密密钥与备份时的不同',
    );
    // One member's row changed inside the file: the members table no longer matches its checksum.
    const text = gunzipSync(fs.readFileSync(file)).toString('utf8');
    const altered = path.join(work, 'altered.backup');
    const from = text.indexOf('-- table members\n');
    const nameAt = text.indexOf('\t', text.indexOf('\n', from) + 1) + 1;
    fs.writeFileSync(altered, gzipSync(`${text.slice(0, nameAt)}改${text.slice(nameAt + 1)}`));
    expect(await refusal(restoreBackup(empty, fs.createReadStream(altered), { key: KEY }))).toContain(
      '备份文件已损坏或被改动',
    );
    const cut = path.join(work, 'cut.backup');
    fs.writeFileSync(cut, gzipSync(text.slice(0, from + 100)));
    expect(await refusal(restoreBackup(empty, fs.createReadStream(cut), { key: KEY }))).toMatch(
      /不完整|已损坏/,
    );
    fs.writeFileSync(path.join(work, 'hello'), gzipSync('hello'));
    expect(
      await refusal(restoreBackup(empty, fs.createReadStream(path.join(work, 'hello')), { key: KEY })),
    ).toBe('不是凝心的备份文件');
    expect(await rowsIn(empty)).toBe(0);
  });

  it.runIf(testStoreKind() === 'postgres')(
    'moves a committee from PGlite to PostgreSQL: a PGlite backup restores into a new database',
    async () => {
      const embedded = await openStore({ dataDir: 'memory://' });
      disposers.push(() => embedded.close());
      await seedDemo(embedded.db, createFieldCrypto(KEY), { members: 200 });
      const moved = path.join(work, 'embedded.backup');
      await writeBackup(embedded, fs.createWriteStream(moved), { key: KEY, includeKey: false });
      const server = await emptyStore();
      await restoreBackup(server, fs.createReadStream(moved), { key: KEY });
      expect(await storeChecksums(server)).toEqual(await storeChecksums(embedded));
    },
  );
});

// The command line's own part (the key file, its messages) is the same on both stores: it runs on
// PGlite only; restoring into PostgreSQL is tested above.
describe.runIf(testStoreKind() === 'pglite')('npm run cli -- backup / restore', { timeout: 180_000 }, () => {
  const cli = (env: Record<string, string>, ...args: string[]) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      cwd: serverDir,
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
      encoding: 'utf8',
    });
    return { code: r.status, out: r.stdout + r.stderr };
  };

  it('takes the key from a backup that carries it into a machine without one, then backs the store up again', async () => {
    const withKey = path.join(work, 'with-key.backup');
    await writeBackup(t.store, fs.createWriteStream(withKey), { key: KEY, includeKey: true });
    const { env, dispose } = await createProcessStoreEnv('backup-cli');
    disposers.push(dispose);
    const machine = { DATA_DIR: path.join(work, 'machine'), FIELD_ENCRYPTION_KEY: '', ...env };

    const refused = cli(machine, 'restore', '--in', file);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('备份中不含字段加密密钥，本机也没有配置密钥');

    const restored = cli(machine, 'restore', '--in', withKey);
    expect(restored.code, restored.out).toBe(0);
    expect(restored.out).toContain('已写入');
    expect(restored.out).toContain('每张表的校验值与备份一致');
    expect(restored.out).toContain('审计日志完整');
    expect(fs.readFileSync(path.join(machine.DATA_DIR, 'field-encryption.key'), 'utf8').trim()).toBe(
      TEST_FIELD_KEY,
    );

    const again = path.join(work, 'again.backup');
    const made = cli(machine, 'backup', '--out', again);
    expect(made.code, made.out).toBe(0);
    expect(made.out).toContain('备份中不含字段加密密钥');
    const header = (f: string) => JSON.parse(gunzipSync(fs.readFileSync(f)).toString('utf8').split('\n')[1]!);
    expect(header(again).tables).toEqual(header(withKey).tables);
    expect(cli(machine, 'backup', '--out', again).out).toContain('已存在');
    expect(header(again).tables).toEqual(header(withKey).tables);
  });
});
