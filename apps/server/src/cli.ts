import { parseArgs } from 'node:util';
import { checkPasswordStrength } from '@ningxin/shared';
import { eq } from 'drizzle-orm';
import { ConfigError, loadConfig } from './config';
import { openStore, type Store } from './db/client';
import { roleAssignments, users } from './db/schema';
import { isUniqueViolation } from './lib/db-errors';
import { appendAudit, verifyChain } from './modules/audit/audit.service';
import { hashPassword } from './modules/auth/auth.password';
import { authRepository } from './modules/auth/auth.repository';
import { demoAccountsText, seedDemo } from './seed/demo';

const USAGE = `用法 / usage: npm run cli -- <command> [options]

  create-admin --username <name> --password <pw> [--name <display name>]
      创建系统管理员账户（首次登录须修改密码）
  reset-password --username <name> --password <pw>
      重置密码（须在下次登录时修改），注销其全部会话并解除锁定
  audit-verify
      校验审计日志哈希链，报告第一处断裂或"完整"
  seed-demo
      在空库上生成演示党委与演示账户
`;

const CLI_ACTOR = { actorId: null, actorName: 'cli', ip: null };

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

async function run(store: Store, command: string, values: Record<string, string | undefined>) {
  const { db } = store;
  switch (command) {
    case 'create-admin': {
      const username = values.username?.trim().toLowerCase();
      if (!username) fail('缺少 --username');
      const passwordHash = await hashPassword(requirePassword(values.password));
      try {
        await db.transaction(async (tx) => {
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
          await appendAudit(tx, CLI_ACTOR, {
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
      await db.transaction(async (tx) => {
        await authRepository.setPassword(tx, user.id, passwordHash, true);
        await authRepository.revokeUserSessions(tx, user.id);
        await authRepository.lockThrottle(tx, username);
        await authRepository.setThrottle(tx, username, 0, null);
        await appendAudit(tx, CLI_ACTOR, {
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
      const result = await verifyChain(db);
      if (result.status === 'intact') {
        process.stdout.write(`审计日志完整 / intact: ${result.rows} 条记录\n`);
        return;
      }
      process.stdout.write(
        `审计日志已被篡改 / broken: 第 ${result.firstBrokenSeq} 条（${result.reason}），此前 ${result.rows} 条完好\n`,
      );
      process.exitCode = 2;
      return;
    }
    case 'seed-demo': {
      const result = await seedDemo(db);
      process.stdout.write(
        result.created
          ? `已生成演示党委：${result.orgs} 个组织。\n${demoAccountsText()}\n`
          : `库中已有 ${result.orgs} 个组织，未生成演示数据。\n`,
      );
      return;
    }
    default:
      fail(USAGE);
  }
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { username: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } },
  });
  const command = positionals[0];
  if (!command) fail(USAGE);
  const config = loadConfig();
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  try {
    await run(store, command, values);
  } finally {
    await store.close();
  }
}

main().catch((err: unknown) => {
  fail(
    err instanceof ConfigError
      ? err.message
      : err instanceof Error
        ? (err.stack ?? err.message)
        : String(err),
  );
});
