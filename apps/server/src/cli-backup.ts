/**
 * `backup` and `restore` of the command line (db/backup.ts does the work): messages in Chinese,
 * the key handled as docs/deployment.md describes — never in the backup unless `--with-key`,
 * and a restore into a store without a key takes the backup's key only when it carries one.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config';
import { BackupError, readBackupHeader, restoreBackup, writeBackup } from './db/backup';
import type { Store } from './db/client';
import { KEY_FILE, loadMasterKey } from './lib/field-crypto';
import { verifyChain } from './modules/audit/audit.service';

const say = (line: string) => process.stdout.write(`${line}\n`);

function configuredKey(config: Config): Buffer | null {
  if (config.fieldEncryptionKey)
    return loadMasterKey({ envKey: config.fieldEncryptionKey, dataDir: config.dataDir }, () => {});
  return fs.existsSync(path.join(config.dataDir, KEY_FILE))
    ? loadMasterKey({ envKey: undefined, dataDir: config.dataDir }, () => {})
    : null;
}

export async function backupCommand(store: Store, config: Config, out: string | undefined, withKey: boolean) {
  if (!out) throw new BackupError('缺少 --out（备份文件的路径）');
  const key = configuredKey(config);
  if (!key)
    throw new BackupError('找不到字段加密密钥（FIELD_ENCRYPTION_KEY 或数据目录中的 field-encryption.key）');
  if (fs.existsSync(out)) throw new BackupError(`备份文件 ${out} 已存在，不会覆盖：请换一个文件名`);
  const started = performance.now();
  const file = fs.createWriteStream(out, { flags: 'wx', mode: 0o600 });
  try {
    const header = await writeBackup(store, file, { key, includeKey: withKey });
    const rows = header.tables.reduce((n, t) => n + t.rows, 0);
    const size = fs.statSync(out).size;
    say(
      `已备份 ${header.tables.length} 张表、${rows} 行到 ${out}（${(size / 1024 / 1024).toFixed(1)} MB，${((performance.now() - started) / 1000).toFixed(1)} 秒）`,
    );
    say(
      withKey
        ? '备份中含有字段加密密钥：请像保管密钥一样保管这份备份。'
        : '备份中不含字段加密密钥：恢复时须使用同一密钥，请另行妥善保管密钥。',
    );
  } catch (err) {
    fs.rmSync(out, { force: true });
    throw err;
  }
}

export async function restoreCommand(store: Store, config: Config, input: string | undefined) {
  if (!input) throw new BackupError('缺少 --in（备份文件的路径）');
  if (!fs.existsSync(input)) throw new BackupError(`备份文件 ${input} 不存在`);
  const header = await readBackupHeader(fs.createReadStream(input));
  let key = configuredKey(config);
  if (!key && header.key) {
    key = Buffer.from(header.key, 'base64');
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.writeFileSync(path.join(config.dataDir, KEY_FILE), `${header.key}\n`, { mode: 0o600, flag: 'wx' });
    say(`备份中含有字段加密密钥，已写入 ${path.join(config.dataDir, KEY_FILE)}。`);
  }
  if (!key)
    throw new BackupError(
      '备份中不含字段加密密钥，本机也没有配置密钥：请先设置备份时的 FIELD_ENCRYPTION_KEY（或放入 field-encryption.key）再恢复。',
    );
  const started = performance.now();
  await restoreBackup(store, fs.createReadStream(input), { key });
  const rows = header.tables.reduce((n, t) => n + t.rows, 0);
  say(
    `已从 ${input}（${header.createdAt} 备份）恢复 ${header.tables.length} 张表、${rows} 行，每张表的校验值与备份一致（${((performance.now() - started) / 1000).toFixed(1)} 秒）。`,
  );
  const chain = await verifyChain(store.db);
  say(
    chain.status === 'intact'
      ? `审计日志完整：${chain.rows} 条记录。`
      : '审计日志哈希链校验未通过，请检查备份来源。',
  );
  if (chain.status !== 'intact') process.exitCode = 2;
}
