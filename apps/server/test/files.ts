import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/db/client';
import type { TestApp } from './app';
import { multipart } from './excel';
import { orgByName } from './factories';

/** Content that starts as a file of the type does (its magic bytes), then random bytes up to `size`. */
const filled = (head: Buffer, size: number) =>
  Buffer.concat([head, randomBytes(Math.max(0, size - head.length))]);

export const jpeg = (size = 2000) =>
  filled(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]), size);
/** A PNG: the signature, a header chunk, then one image-data chunk holding the rest. */
export function png(size = 2000): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    return Buffer.concat([length, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
  };
  const header = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0])),
  ]);
  return Buffer.concat([header, chunk('IDAT', randomBytes(Math.max(0, size - header.length - 12)))]);
}
export const pdf = (size = 2000) => filled(Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1'), size);

export interface UploadFile {
  name: string;
  data: Buffer;
  type?: string;
}

/** POST /api/v1/files as a browser's FormData sends it: the fields, then the file. */
export async function uploadFile(
  t: TestApp,
  cookie: string | undefined,
  fields: Record<string, string>,
  file?: UploadFile,
) {
  const { payload, headers } = await multipart(fields, file && { type: 'application/octet-stream', ...file });
  return t.request({ method: 'POST', url: '/api/v1/files', payload, headers, ...(cookie ? { cookie } : {}) });
}

/** How many file rows and chunk rows the store holds. */
export async function storedCounts(t: TestApp): Promise<{ files: number; chunks: number }> {
  const [row] = await queryRows<{ files: number; chunks: number }>(
    t.store.db,
    sql`select (select count(*)::int from files) as files, (select count(*)::int from file_chunks) as chunks`,
  );
  return row!;
}

/** A demo member placed under the named committee (and, if given, whose home county is that). */
export async function memberUnder(t: TestApp, committee: string, homeCounty?: string) {
  const org = await orgByName(t.store, committee);
  const [row] = await queryRows<{ id: number; name: string }>(
    t.store.db,
    sql`select id, name from members
        where (org_path = ${org.path} or org_path like ${`${org.path}.%`})
          and (${homeCounty ?? null}::text is null or home_county = ${homeCounty ?? null})
        order by id limit 1`,
  );
  if (!row) throw new Error(`no demo member under ${committee}${homeCounty ? ` from ${homeCounty}` : ''}`);
  return row;
}

/** The audit entries about a member's files, oldest first. */
export async function fileAudit(t: TestApp, memberId: number) {
  return queryRows<{
    action: string;
    actor_name: string;
    target_label: string;
    before: unknown;
    after: unknown;
  }>(
    t.store.db,
    sql`select action, actor_name, target_label, before, after from audit_log
        where target_type = 'member' and target_id = ${String(memberId)} and action like 'file.%'
        order by seq`,
  );
}
