import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../src/db/client';
import type { FieldCrypto } from '../src/lib/field-crypto';

/** A member as a test reads it to compute what a query should return: phone and ID decrypted. */
export interface ReferenceMember {
  id: number;
  orgId: number;
  name: string;
  namePinyin: string;
  nameInitials: string;
  phone: string;
  idNumber: string;
}

interface RawRow {
  id: number;
  org_id: number;
  name: string;
  name_pinyin: string;
  name_initials: string;
  phone_cipher: string;
  id_cipher: string;
}

/**
 * Every member, a chunk at a time in id order (keyset, so memory holds one chunk), with the
 * phone and ID number decrypted from their ciphertexts: never read from the tail or hash
 * columns the search itself uses. `limit` stops after that many members.
 */
export async function* referenceMembers(
  db: Executor,
  crypto: FieldCrypto,
  opts: { chunk?: number; limit?: number } = {},
): AsyncGenerator<ReferenceMember[]> {
  const chunk = opts.chunk ?? 20_000;
  let left = opts.limit ?? Number.POSITIVE_INFINITY;
  let after = 0;
  while (left > 0) {
    const rows = await queryRows<RawRow>(
      db,
      sql`select id, org_id, name, name_pinyin, name_initials, phone_cipher, id_cipher
          from members where id > ${after} order by id limit ${Math.min(chunk, left)}`,
    );
    if (rows.length === 0) return;
    after = rows.at(-1)!.id;
    left -= rows.length;
    yield rows.map((r) => ({
      id: r.id,
      orgId: r.org_id,
      name: r.name,
      namePinyin: r.name_pinyin,
      nameInitials: r.name_initials,
      phone: crypto.decrypt('phone', r.phone_cipher),
      idNumber: crypto.decrypt('idNumber', r.id_cipher),
    }));
  }
}

/** The ids of an org and all orgs below it, followed through parent ids (not the stored paths). */
export async function orgSubtreeIds(db: Executor, rootName: string): Promise<Set<number>> {
  const orgs = await queryRows<{ id: number; parent_id: number | null; name: string }>(
    db,
    sql`select id, parent_id, name from orgs`,
  );
  const roots = orgs.filter((o) => o.name === rootName);
  if (roots.length !== 1) throw new Error(`expected one org named ${rootName}, found ${roots.length}`);
  const children = new Map<number, number[]>();
  for (const o of orgs) {
    if (o.parent_id === null) continue;
    children.set(o.parent_id, [...(children.get(o.parent_id) ?? []), o.id]);
  }
  const ids = new Set<number>();
  const stack = [roots[0]!.id];
  while (stack.length > 0) {
    const id = stack.pop()!;
    ids.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return ids;
}
