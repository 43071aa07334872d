import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { checkPasswordStrength } from '@ningxin/shared';
import { eq } from 'drizzle-orm';
import { backupCommand, restoreCommand } from './cli-backup';
import { COMMITTEE_TIME_ZONE, type Config, ConfigError, loadConfig } from './config';
import { BackupError } from './db/backup';
import { openStore, type Store } from './db/client';
import { reencryptFields } from './db/reencrypt';
import { roleAssignments, users } from './db/schema';
import { isUniqueViolation } from './lib/db-errors';
import { createFieldCrypto, loadMasterKey } from './lib/field-crypto';
import { runSeeds } from './lib/modules';
import { AuditBackupError, readAuditBackup, writeAuditBackup } from './modules/audit/audit.backup';
import { useChainAlgorithm } from './modules/audit/audit.hash';
import { appendAudit, audited, verifyChain } from './modules/audit/audit.service';
import { hashPassword } from './modules/auth/auth.password';
import { authRepository } from './modules/auth/auth.repository';
import { usersRepository } from './modules/users/users.repository';
import { demoAccountsText, ensureDemoMemberAccount, seedDemo } from './seed/demo';
import { topUpDemoMembers } from './seed/demo-member-load';

const USAGE = `用法 / usage: npm run cli -- <command> [options]

  create-admin --username <name> --password <pw> [--name <display name>]
      创建系统管理员账户（首次登录须修改密码）
  reset-password --username <name> --password <pw>
      重置密码（须在下次登录时修改），注销其全部会话并解除锁定
  audit-verify [--in <file>]
      校验审计日志哈希链，报告第一处断裂或"完整"；给出 --in 时校验审计日志备份文件（不读数据库）
  audit-backup --out <file>
      把审计日志单独备份到一个文件（gzip 压缩的 JSON 行，含哈希链），写完即校验
  backup --out <file> [--with-key]
      备份整个数据库（含附件）到一个文件；默认不含字段加密密钥，--with-key 时含密钥
  restore --in <file>
      把备份恢复到空库（新的数据目录或新建的数据库），逐表校验；PGlite 须先停止服务
  reencrypt
      把全部加密的个人信息（身份证号、手机号、动态码密钥）及其查找散列改用 CRYPTO_SUITE 所设的算法
      （standard 或 sm 国密），一个事务内完成并记入审计日志；已是该算法的不动。先停止服务
  seed-demo [--members <n>]
      在空库上生成演示党委、演示账户与 SEED_DEMO_MEMBERS 名演示党员；
      给出 --members 时（如基准测试用 1000000），缺党委则先建党委，再补足党员至 n 名（PostgreSQL 用 COPY）
`;

interface CliValues {
  username?: string | undefined;
  password?: string | undefined;
  name?: string | undefined;
  members?: string | undefined;
  out?: string | undefined;
  in?: string | undefined;
  'with-key'?: boolean | undefined;
}

/** The commands `run` knows; anything else gets the usage before a store is opened. */
const COMMANDS = [
  'create-admin',
  'reset-password',
  'audit-verify',
  'audit-backup',
  'backup',
  'restore',
  'reencrypt',
  'seed-demo',
];

const CLI_ACTOR = { actorId: null, actorName: 'cli', ip: null };

/**
 * The app with every module (its routes, services and their libraries): most commands need none
 * of it, and loading it took each run of the CLI about 3.5 s of CPU of its 5.
 */
const loadApp = () => import('./app');

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function requirePassword(password: string | undefined): string {
  if (!password) fail('缺少 --password');
  const problem = checkPasswordStrength(password);
  if (problem) fail(problem);
  return password;
}

async function run(store: Store, config: Config, command: string, values: CliValues) {
  const { db } = store;
  // What the commands append to the audit log is hashed as the server hashes it.
  useChainAlgorithm(config.cryptoSuite === 'sm' ? 'sm3' : 'sha256');
  switch (command) {
    case 'create-admin': {
      const username = values.username?.trim().toLowerCase();
      if (!username) fail('缺少 --username');
      const passwordHash = await hashPassword(requirePassword(values.password));
      try {
        await audited(db, CLI_ACTOR, async (tx, audit) => {
          const [user] = await tx
            .insert(users)
            .values({
              username,
              displayName: values.name ?? '系统管理员',
              passwordHash,
              mustChangePassword: true,
            })
            .returning();
          await tx
            .insert(roleAssignments)
            .values({ userId: user!.id, role: 'system_admin', scopeKind: 'all' });
          audit({
            action: 'user.created',
            targetType: 'user',
            targetId: user!.id,
            targetLabel: username,
            after: { username, role: 'system_admin' },
          });
        });
      } catch (err) {
        if (isUniqueViolation(err)) fail(`用户名 ${username} 已存在`);
        throw err;
      }
      process.stdout.write(`已创建系统管理员 ${username}，首次登录须修改密码。\n`);
      return;
    }
    case 'reset-password': {
      const username = values.username?.trim().toLowerCase();
      if (!username) fail('缺少 --username');
      const passwordHash = await hashPassword(requirePassword(values.password));
      const [user] = await db.select().from(users).where(eq(users.username, username));
      if (!user) fail(`用户 ${username} 不存在`);
      await audited(db, CLI_ACTOR, async (tx, audit) => {
        await usersRepository.setPassword(tx, user.id, passwordHash, true);
        await authRepository.revokeUserSessions(tx, user.id);
        await authRepository.clearLock(tx, username);
        audit({
          action: 'user.password_reset',
          targetType: 'user',
          targetId: user.id,
          targetLabel: username,
        });
      });
      process.stdout.write(`已重置 ${username} 的密码，下次登录须修改。\n`);
      return;
    }
    case 'audit-verify': {
      const result = values.in ? await readAuditBackup(values.in) : await verifyChain(db);
      const what = values.in ? `审计日志备份 ${values.in}` : '审计日志';
      if (result.status === 'intact') {
        process.stdout.write(`${what}完整 / intact: ${result.rows} 条记录（${result.lanes} 条链）\n`);
        return;
      }
      process.stdout.write(
        `${what}已被篡改 / broken: 第 ${result.firstBrokenSeq} 条（链 ${result.firstBrokenLane}：${result.reason}），` +
          `${result.lanes} 条链中完好 ${result.rows} 条\n`,
      );
      process.exitCode = 2;
      return;
    }
    case 'audit-backup': {
      if (!values.out) fail('缺少 --out');
      if (fs.existsSync(values.out)) fail(`${values.out} 已存在，不覆盖`);
      const result = await writeAuditBackup(db, values.out);
      process.stdout.write(
        `已备份审计日志到 ${values.out}：${result.rows} 条记录（${result.lanes} 条链），` +
          `${result.status === 'intact' ? '校验完整' : `第 ${result.firstBrokenSeq} 条起已断裂`}\n`,
      );
      if (result.status !== 'intact') process.exitCode = 2;
      return;
    }
    case 'backup':
      return backupCommand(store, config, values.out, values['with-key'] === true);
    case 'restore':
      return restoreCommand(store, config, values.in);
    case 'reencrypt': {
      const { fieldCryptoFor } = await loadApp();
      const crypto = fieldCryptoFor(config);
      const counts = await db.transaction(async (tx) => {
        const rewritten = await reencryptFields(tx, crypto, (c) =>
          process.stdout.write(`  ${c.table}.${c.column}：已改写 ${c.rewritten} 个\n`),
        );
        await appendAudit(tx, CLI_ACTOR, {
          action: 'fields.reencrypted',
          targetType: 'store',
          after: { suite: crypto.suite, columns: rewritten.filter((c) => c.rewritten > 0) },
        });
        return rewritten;
      });
      const total = counts.reduce((n, c) => n + c.rewritten, 0);
      process.stdout.write(
        `已按 ${crypto.suite === 'sm' ? '国密（SM4-CTR、HMAC-SM3）' : '标准（AES-256-GCM、HMAC-SHA256）'}` +
          `算法改写 ${total} 个加密字段；审计日志自此${crypto.suite === 'sm' ? '用 SM3' : '用 SHA-256'}。\n`,
      );
      return;
    }
    case 'seed-demo': {
      const masterKey = loadMasterKey(
        { envKey: config.fieldEncryptionKey, dataDir: config.dataDir },
        (file) => process.stderr.write(`已生成字段加密密钥 ${file}，请备份：没有它无法读取加密的个人信息\n`),
      );
      const crypto = createFieldCrypto(masterKey, config.cryptoSuite);
      if (values.members === undefined) {
        const result = await seedDemo(db, crypto, {
          members: config.seedDemoMembers,
          onProgress: (p) =>
            process.stdout.write(`  党员 ${p.added} / ${p.of}（${p.rowsPerSecond} 行/秒）\n`),
        });
        if (result.created)
          await runSeeds((await loadApp()).createPlatform(store, config, crypto), (module) =>
            process.stdout.write(`  演示数据：${module}\n`),
          );
        process.stdout.write(
          result.created
            ? `已生成演示党委：${result.orgs} 个组织，${result.members} 名党员。\n${demoAccountsText()}\n`
            : `库中已有 ${result.orgs} 个组织，未生成演示数据。\n`,
        );
        return;
      }
      const target = Number(values.members);
      if (!Number.isInteger(target) || target < 0 || target > 100_000_000)
        fail('--members 应为 0 到 1 亿之间的整数');
      const seeded = await seedDemo(db, crypto, { members: 0 });
      if (seeded.created) process.stdout.write(`已生成演示党委：${seeded.orgs} 个组织。\n`);
      const started = performance.now();
      const result = await topUpDemoMembers(db, crypto, target, {
        // Encryption and hashing are most of a row's cost: they run in worker threads.
        workers: { count: Math.min(4, os.availableParallelism()), masterKey },
        onProgress: (p) => process.stdout.write(`  ${p.added} / ${p.of} 行，${p.rowsPerSecond} 行/秒\n`),
        onRebuilt: (s) => process.stdout.write(`  重建索引与外键：${s.toFixed(1)} 秒\n`),
      });
      await ensureDemoMemberAccount(db);
      const seconds = (performance.now() - started) / 1000;
      process.stdout.write(
        result.added > 0
          ? `已补充 ${result.added} 名演示党员（${result.method}），库中共 ${result.total} 名；用时 ${seconds.toFixed(1)} 秒，${Math.round(result.added / seconds)} 行/秒。\n`
          : `库中已有 ${result.total} 名党员，不少于 ${target}，未补充。\n`,
      );
      if (seeded.created) process.stdout.write(`${demoAccountsText()}\n`);
      return;
    }
    default:
      fail(USAGE);
  }
}

async function main() {
  // Dates are days in Beijing time, as in the server (main.ts).
  process.env.TZ = COMMITTEE_TIME_ZONE;
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      username: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      members: { type: 'string' },
      out: { type: 'string' },
      in: { type: 'string' },
      'with-key': { type: 'boolean' },
    },
  });
  const command = positionals[0];
  if (!command || !COMMANDS.includes(command)) fail(USAGE);
  const config = loadConfig();
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  try {
    await run(store, config, command, values);
  } finally {
    await store.close();
  }
}

main().catch((err: unknown) => {
  fail(
    err instanceof ConfigError || err instanceof BackupError || err instanceof AuditBackupError
      ? err.message
      : err instanceof Error
        ? (err.stack ?? err.message)
        : String(err),
  );
});
