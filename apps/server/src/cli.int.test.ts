import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProcessStoreEnv } from '../test/store';
import { openStore, queryRows } from './db/client';
import { readAuditBackup } from './modules/audit/audit.backup';

const serverDir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

describe('npm run cli', () => {
  let env: Record<string, string>;
  let dispose: () => Promise<void> = async () => {};
  beforeAll(async () => {
    ({ env, dispose } = await createProcessStoreEnv('cli'));
  });
  afterAll(() => dispose());

  const cli = (...args: string[]) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      cwd: serverDir,
      env: {
        ...process.env,
        LOG_LEVEL: 'silent',
        FIELD_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
        // Members enough for every module's demo data; no test here reads more of them (600 took
        // the seed 8 s more of CPU on PGlite).
        SEED_DEMO_MEMBERS: '60',
        ...env,
      },
      encoding: 'utf8',
    });
    return { code: r.status, out: r.stdout + r.stderr };
  };

  /** Opens the CLI's store in this process (the CLI has exited, so PGlite is free). */
  async function withStore<T>(fn: (store: Awaited<ReturnType<typeof openStore>>) => Promise<T>): Promise<T> {
    const store = await openStore({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
    try {
      return await fn(store);
    } finally {
      await store.close();
    }
  }

  it('prints its usage for an unknown command', () => {
    const r = cli('frobnicate');
    expect(r.code).toBe(1);
    expect(r.out).toContain('create-admin');
  });

  // A new store (initdb, migrations) and every module's demo data: over a minute on a busy machine.
  it('seeds the demo committee once', { timeout: 240_000 }, () => {
    const first = cli('seed-demo');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/已生成演示党委：\d+ 个组织，60 名党员/);
    expect(first.out).toContain('tongzhou');
    const second = cli('seed-demo');
    expect(second.code).toBe(0);
    expect(second.out).toContain('未生成演示数据');
  });

  it('creates a system admin who must change the password, refusing weak passwords and duplicates', async () => {
    const weak = cli('create-admin', '--username', 'root1', '--password', 'short');
    expect(weak.code).toBe(1);
    expect(weak.out).toContain('密码至少 8 位');
    const ok = cli(
      'create-admin',
      '--username',
      'Root1',
      '--password',
      'Strong-Pass-1',
      '--name',
      '值班管理员',
    );
    expect(ok.code).toBe(0);
    const dup = cli('create-admin', '--username', 'root1', '--password', 'Strong-Pass-1');
    expect(dup.code).toBe(1);
    expect(dup.out).toContain('已存在');
    const [row] = await withStore((s) =>
      queryRows<{ must_change_password: boolean; role: string }>(
        s.db,
        sql`select u.must_change_password, r.role from users u join role_assignments r on r.user_id = u.id where u.username = 'root1'`,
      ),
    );
    expect(row).toEqual({ must_change_password: true, role: 'system_admin' });
  });

  it('resets a password', () => {
    expect(cli('reset-password', '--username', 'nobody', '--password', 'Strong-Pass-2').code).toBe(1);
    const r = cli('reset-password', '--username', 'office', '--password', 'Strong-Pass-2');
    expect(r.code).toBe(0);
    expect(r.out).toContain('已重置 office');
  });

  // Three runs of the CLI, each opening the store: a minute or more when the machine is busy.
  it('reports the audit chain intact, then the first broken row after tampering', {
    timeout: 240_000,
  }, async () => {
    const intact = cli('audit-verify');
    expect(intact.code).toBe(0);
    expect(intact.out).toMatch(/intact: \d+ 条记录/);
    const rows = Number(/intact: (\d+) 条记录/.exec(intact.out)![1]);

    // The log's own backup holds every row, and is checked without the database.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'audit-backup-')), 'audit.ndjson.gz');
    const backup = cli('audit-backup', '--out', file);
    expect(backup.code).toBe(0);
    expect(backup.out).toContain(`${rows} 条记录`);
    expect(await readAuditBackup(file)).toMatchObject({ status: 'intact', rows });
    // A row changed in the backup file shows as a break at that row.
    const lines = gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n');
    const third = lines.findIndex((l) => l.includes('"seq":3,'));
    lines[third] = lines[third]!.replace(/"actorName":("[^"]*"|null)/, '"actorName":"someone-else"');
    fs.writeFileSync(file, gzipSync(lines.join('\n')));
    const tampered = await readAuditBackup(file);
    expect(tampered).toMatchObject({ status: 'broken', firstBrokenSeq: 3, reason: '记录内容与哈希不符' });
    await withStore(async (s) => {
      await s.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
      await s.db.execute(sql`update audit_log set actor_name = 'someone-else' where seq = 2`);
      await s.db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    });
    const broken = cli('audit-verify');
    expect(broken.code).toBe(2);
    expect(broken.out).toContain('第 2 条');
  });
});
