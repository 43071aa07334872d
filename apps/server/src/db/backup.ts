/**
 * Backup and restore of a whole store, the same on PGlite and PostgreSQL (so a committee that
 * outgrows one machine restores its PGlite backup into PostgreSQL): every table of the schema as
 * COPY text, in one consistent snapshot, gzip-compressed, after a header that names the schema's
 * migrations and each table's row count and checksum. Attachments live in the database, so they
 * are in it too. The field-encryption key is not, unless asked: the header carries only a check
 * value of the key, so that a restore can tell whether the key it runs with can read the data.
 *
 * File: gzip of `NINGXIN-BACKUP 1\n`, the header as one JSON line, then for each table
 * `-- table <name>\n`, its COPY lines and `\.\n` (COPY's text format never puts a raw newline
 * inside a row, and writes a lone `\.` in a value as `\\.`).
 *
 * A restore goes into an empty store migrated to the same migrations (a fresh DATA_DIR, a new
 * database), in one transaction: user triggers (the member rollups, the audit log's guards) are
 * off while the rows go in (the rollups are restored as they were), sequences are set past the
 * highest id, and every table's checksum must equal the header's, or nothing is kept.
 */
import { createHmac } from 'node:crypto';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { connectionOf, type Store, type Tx } from './client';

const MAGIC = 'NINGXIN-BACKUP 1';
const TABLE_MARK = '-- table ';
const END_OF_DATA = '\\.';

export interface BackupTable {
  name: string;
  rows: number;
  checksum: string;
}

export interface BackupHeader {
  createdAt: string;
  store: Store['kind'];
  /** The hashes of the migrations the schema was at, in order. */
  migrations: string[];
  /** In load order: a table comes after the tables it refers to. */
  tables: BackupTable[];
  /** Each sequence's state (ids, the audit log's numbering). */
  sequences: SequenceState[];
  /** A check value of the field-encryption key (not the key). */
  keyCheck: string;
  /** The key itself (base64), only when the backup was asked to carry it. */
  key?: string;
}

export class BackupError extends Error {}

/** A value that tells whether two keys are the same without revealing either. */
export const keyCheckOf = (key: Buffer) =>
  createHmac('sha256', key).update('ningxin backup key check').digest('hex').slice(0, 16);

type Connection = pg.ClientBase | PGlite | Transaction;
const isPostgres = (c: Connection): c is pg.ClientBase => typeof (c as pg.ClientBase).connect === 'function';

/** Runs one statement on either driver. */
async function run(c: Connection, text: string): Promise<{ rows: unknown[] }> {
  return isPostgres(c) ? c.query(text) : c.query(text);
}

async function rows<T>(c: Connection, text: string): Promise<T[]> {
  return (await run(c, text)).rows as T[];
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The same text for the same data on both stores: fixed time zone and date style. */
async function fixOutput(c: Connection) {
  await run(c, `set local timezone to 'UTC'`);
  await run(c, `set local datestyle to 'ISO, YMD'`);
  await run(c, `set local intervalstyle to 'postgres'`);
  await run(c, `set local bytea_output to 'hex'`);
  await run(c, `set local extra_float_digits to 3`);
}

/** The schema's tables in load order (a table after those its foreign keys name). */
async function tablesInOrder(c: Connection): Promise<string[]> {
  const names = (
    await rows<{ name: string }>(
      c,
      `select tablename as name from pg_tables where schemaname = 'public' order by 1`,
    )
  ).map((r) => r.name);
  const edges = await rows<{ child: string; parent: string }>(
    c,
    `select cl.relname as child, pl.relname as parent
       from pg_constraint k
       join pg_class cl on cl.oid = k.conrelid join pg_namespace cn on cn.oid = cl.relnamespace
       join pg_class pl on pl.oid = k.confrelid
      where k.contype = 'f' and cn.nspname = 'public' and k.conrelid <> k.confrelid`,
  );
  const ordered: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') throw new BackupError(`外键循环引用：${name}`);
    state.set(name, 'visiting');
    for (const e of edges) if (e.child === name) visit(e.parent);
    state.set(name, 'done');
    ordered.push(name);
  };
  for (const n of names) visit(n);
  return ordered;
}

async function migrationsOf(c: Connection): Promise<string[]> {
  return (await rows<{ hash: string }>(c, 'select hash from drizzle.__drizzle_migrations order by id')).map(
    (r) => r.hash,
  );
}

/** Row count and an order-free checksum of a table's rows as text. */
async function checksumOf(c: Connection, table: string): Promise<BackupTable> {
  const [row] = await rows<{ rows: number; checksum: string }>(
    c,
    `select count(*)::int as rows,
            md5(coalesce(string_agg(h, '' order by h), '')) as checksum
       from (select md5(t::text) as h from ${quoted(table)} t) x`,
  );
  return { name: table, rows: row!.rows, checksum: row!.checksum };
}

/** A table's rows as COPY text, chunk by chunk. */
async function* copyOut(c: Connection, table: string): AsyncGenerator<Buffer> {
  const statement = `copy ${quoted(table)} to stdout`;
  if (isPostgres(c)) {
    for await (const chunk of c.query(copyTo(statement))) yield chunk as Buffer;
    return;
  }
  const result = await run(c, `copy ${quoted(table)} to '/dev/blob'`);
  const blob = (result as { blob?: Blob }).blob;
  if (blob) yield Buffer.from(await blob.arrayBuffer());
}

async function copyIn(c: Connection, table: string, lines: AsyncIterable<Buffer>): Promise<void> {
  if (isPostgres(c)) {
    await pipeline(Readable.from(lines), c.query(copyFrom(`copy ${quoted(table)} from stdin`)));
    return;
  }
  const parts: Buffer[] = [];
  for await (const line of lines) parts.push(line);
  if (parts.length === 0) return;
  await c.query(`copy ${quoted(table)} from '/dev/blob'`, [], {
    blob: new Blob(parts.map((p) => new Uint8Array(p))),
  });
}

/** Every table's row count and checksum, as a backup's header holds them (to compare two stores). */
export async function storeChecksums(store: Store): Promise<BackupTable[]> {
  return store.db.transaction(
    async (tx) => {
      const c = connectionOf(tx);
      await fixOutput(c);
      const tables: BackupTable[] = [];
      for (const name of await tablesInOrder(c)) tables.push(await checksumOf(c, name));
      return tables;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/** Writes the whole store into `out`, gzip-compressed, in one snapshot; returns the header. */
export async function writeBackup(
  store: Store,
  out: Writable,
  { key, includeKey, onTable }: { key: Buffer; includeKey: boolean; onTable?: (t: BackupTable) => void },
): Promise<BackupHeader> {
  return store.db.transaction(
    async (tx) => {
      const c = connectionOf(tx);
      await fixOutput(c);
      const names = await tablesInOrder(c);
      const tables: BackupTable[] = [];
      for (const name of names) tables.push(await checksumOf(c, name));
      const header: BackupHeader = {
        createdAt: new Date().toISOString(),
        store: store.kind,
        migrations: await migrationsOf(c),
        tables,
        sequences: await sequencesOf(c),
        keyCheck: keyCheckOf(key),
        ...(includeKey ? { key: key.toString('base64') } : {}),
      };
      async function* content() {
        yield Buffer.from(`${MAGIC}\n${JSON.stringify(header)}\n`);
        for (const table of tables) {
          yield Buffer.from(`${TABLE_MARK}${table.name}\n`);
          yield* copyOut(c, table.name);
          yield Buffer.from(`${END_OF_DATA}\n`);
          onTable?.(table);
        }
      }
      await pipeline(Readable.from(content()), createGzip(), out);
      return header;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/** The lines of a byte stream (without their newline), as buffers. */
async function* linesOf(input: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let rest = Buffer.alloc(0);
  for await (const chunk of input) {
    let data = rest.length ? Buffer.concat([rest, chunk]) : chunk;
    let at = data.indexOf(10);
    while (at >= 0) {
      yield data.subarray(0, at);
      data = data.subarray(at + 1);
      at = data.indexOf(10);
    }
    rest = Buffer.from(data);
  }
  if (rest.length) yield rest;
}

/** Reads a backup's header (the rest of the file is not read). */
export async function readBackupHeader(input: Readable): Promise<BackupHeader> {
  const lines = linesOf(input.pipe(createGunzip()));
  try {
    return await headerOf(lines);
  } finally {
    input.destroy();
  }
}

async function headerOf(lines: AsyncGenerator<Buffer>): Promise<BackupHeader> {
  const magic = await lines.next();
  if (magic.done || magic.value.toString() !== MAGIC) throw new BackupError('不是凝心的备份文件');
  const json = await lines.next();
  if (json.done) throw new BackupError('备份文件不完整：缺少文件头');
  try {
    return JSON.parse(json.value.toString()) as BackupHeader;
  } catch {
    throw new BackupError('备份文件的文件头已损坏');
  }
}

export interface RestoreOptions {
  /** The key the restored store will run with. */
  key: Buffer;
  onTable?: (t: BackupTable) => void;
}

/**
 * Loads a backup into this store, which must be empty and at the backup's migrations. Refuses
 * before writing anything when the key cannot read the backup's data; rolls everything back when
 * a table's rows do not match the header's checksum (a damaged or altered file).
 */
export async function restoreBackup(store: Store, input: Readable, { key, onTable }: RestoreOptions) {
  const lines = linesOf(input.pipe(createGunzip()));
  const header = await headerOf(lines);
  if (header.keyCheck !== keyCheckOf(key))
    throw new BackupError(
      '当前的字段加密密钥与备份时的不同：恢复后身份证号、手机号等将无法解密。请用备份时的密钥（FIELD_ENCRYPTION_KEY，或数据目录中的 field-encryption.key）再恢复。',
    );
  await store.db.transaction(async (tx: Tx) => {
    const c = connectionOf(tx);
    await fixOutput(c);
    const migrations = await migrationsOf(c);
    if (JSON.stringify(migrations) !== JSON.stringify(header.migrations))
      throw new BackupError(
        `备份的数据库结构（${header.migrations.length} 个迁移）与本程序（${migrations.length} 个迁移）不同：请用备份时的版本恢复，再升级。`,
      );
    const names = await tablesInOrder(c);
    const filled: string[] = [];
    for (const name of names) if ((await checksumOf(c, name)).rows > 0) filled.push(name);
    if (filled.length)
      throw new BackupError(
        `目标库不是空库（${filled.join('、')} 中已有数据）：请恢复到新的数据目录或新建的数据库。`,
      );
    for (const name of names) await run(c, `alter table ${quoted(name)} disable trigger user`);
    for (const table of header.tables) {
      if (!names.includes(table.name))
        throw new BackupError(`备份中的表 ${table.name} 在本程序的数据库结构中不存在`);
      const mark = await lines.next();
      if (mark.done || mark.value.toString() !== `${TABLE_MARK}${table.name}`)
        throw new BackupError(`备份文件不完整或已损坏：缺少表 ${table.name}`);
      await copyIn(c, table.name, dataLines(lines, table.name)).catch((err: unknown) => {
        if (err instanceof BackupError) throw err;
        throw new BackupError(`表 ${table.name} 的数据无法载入：备份文件已损坏或被改动，未恢复任何数据。`);
      });
      const loaded = await checksumOf(c, table.name);
      if (loaded.rows !== table.rows || loaded.checksum !== table.checksum)
        throw new BackupError(
          `表 ${table.name} 恢复后的校验值与备份时不符：备份文件已损坏或被改动，未恢复任何数据。`,
        );
      onTable?.(loaded);
    }
    for (const name of names) await run(c, `alter table ${quoted(name)} enable trigger user`);
    await restoreSequences(c, header.sequences);
  });
  return header;
}

/** A table's COPY lines up to its end mark, each with its newline back. */
async function* dataLines(lines: AsyncGenerator<Buffer>, table: string): AsyncGenerator<Buffer> {
  const NL = Buffer.from('\n');
  for (;;) {
    const next = await lines.next();
    if (next.done) throw new BackupError(`备份文件不完整：表 ${table} 的数据没有结束`);
    if (next.value.length === 2 && next.value.toString() === END_OF_DATA) return;
    yield Buffer.concat([next.value, NL]);
  }
}

interface SequenceState {
  name: string;
  value: number;
  called: boolean;
}

/** The state of every sequence of the schema (ids, the audit log's numbering). */
async function sequencesOf(c: Connection): Promise<SequenceState[]> {
  const names = await rows<{ name: string }>(
    c,
    `select sequencename as name from pg_sequences where schemaname = 'public' order by 1`,
  );
  const states: SequenceState[] = [];
  for (const { name } of names) {
    const [state] = await rows<{ value: string | number; called: boolean }>(
      c,
      `select last_value as value, is_called as called from ${quoted(name)}`,
    );
    states.push({ name, value: Number(state!.value), called: state!.called });
  }
  return states;
}

/** Sets the sequences as the backup found them, so new rows are numbered after the restored ones. */
async function restoreSequences(c: Connection, states: readonly SequenceState[]) {
  const present = new Set((await sequencesOf(c)).map((s) => s.name));
  for (const s of states) {
    if (!present.has(s.name)) throw new BackupError(`备份中的序列 ${s.name} 在本程序的数据库结构中不存在`);
    if (!Number.isSafeInteger(s.value)) throw new BackupError(`备份文件已损坏：序列 ${s.name} 的值无效`);
    await run(c, `select setval('public.${quoted(s.name).replaceAll("'", "''")}', ${s.value}, ${s.called})`);
  }
}
