/**
 * The audit log's own backup (审计日志单独备份): every row in chain order, as gzip-compressed JSON
 * lines after a header line, written apart from the database backup so the log outlives a lost or
 * restored store. The file is checked on its own, without a database: each lane's chain is walked
 * again from the hashes it carries, so a row removed, changed or reordered in the file shows.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { AuditVerifyResponse } from '@ningxin/shared';
import type { Executor } from '../../db/client';
import { type ChainRow, chainWalk } from './audit.hash';
import { auditRepository } from './audit.repository';

const FORMAT = 'ningxin-audit-backup';
const VERSION = 1;

export class AuditBackupError extends Error {}

interface Header {
  format: typeof FORMAT;
  version: number;
  createdAt: string;
}

/** A row as a line: the stored columns, the time as ISO text (milliseconds, as hashed). */
const lineOf = (row: ChainRow) => `${JSON.stringify({ ...row, at: row.at.toISOString() })}\n`;

async function* lines(db: Executor, batchSize: number): AsyncGenerator<string> {
  const header: Header = { format: FORMAT, version: VERSION, createdAt: new Date().toISOString() };
  yield `${JSON.stringify(header)}\n`;
  let after: { lane: number; laneSeq: number } | null = null;
  for (;;) {
    const batch = await auditRepository.chainBatch(db, after, batchSize);
    if (batch.length === 0) return;
    for (const row of batch) yield lineOf(row);
    const last = batch.at(-1)!;
    after = { lane: last.lane, laneSeq: last.laneSeq };
  }
}

/** Writes every audit row to `file` (created anew); answers how many rows and chains it holds. */
export async function writeAuditBackup(db: Executor, file: string, batchSize = 2000) {
  await pipeline(lines(db, batchSize), createGzip(), fs.createWriteStream(file, { flags: 'wx' }));
  return readAuditBackup(file);
}

/** Checks an audit backup on its own: the chains it holds, and where the first one breaks. */
export async function readAuditBackup(file: string): Promise<AuditVerifyResponse & { createdAt: string }> {
  const input = readline.createInterface({
    input: fs.createReadStream(file).pipe(createGunzip()),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let header: Header | null = null;
  const walk = chainWalk();
  try {
    for await (const line of input) {
      if (!line) continue;
      const value = JSON.parse(line);
      if (!header) {
        if (value?.format !== FORMAT || value.version !== VERSION)
          throw new AuditBackupError(`${file} 不是审计日志备份文件`);
        header = value as Header;
        continue;
      }
      walk.add({ ...value, at: new Date(value.at) } as ChainRow);
    }
  } catch (err) {
    if (err instanceof AuditBackupError) throw err;
    throw new AuditBackupError(`无法读取审计日志备份 ${file}：文件不完整或已损坏`);
  }
  if (!header) throw new AuditBackupError(`${file} 是空文件，不是审计日志备份`);
  return { ...walk.result(), createdAt: header.createdAt };
}
