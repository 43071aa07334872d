import { sql } from 'drizzle-orm';
import { arrayLiteral } from '../lib/array-literal';
import type { FieldCrypto, SensitiveField } from '../lib/field-crypto';
import { type Executor, queryRows } from './client';

/** A column of field ciphertexts, with the lookup hash kept beside it (if one), by the row's key. */
interface CipherColumn {
  table: string;
  key: string;
  cipher: string;
  hash: string | null;
  field: SensitiveField;
}

/** Every column the field key encrypts (lib/field-crypto.ts). A new one is added here. */
export const CIPHER_COLUMNS: readonly CipherColumn[] = [
  { table: 'members', key: 'id', cipher: 'id_cipher', hash: 'id_hash', field: 'idNumber' },
  { table: 'members', key: 'id', cipher: 'phone_cipher', hash: 'phone_hash', field: 'phone' },
  { table: 'registrations', key: 'id', cipher: 'id_cipher', hash: 'id_hash', field: 'idNumber' },
  { table: 'registrations', key: 'id', cipher: 'phone_cipher', hash: 'phone_hash', field: 'phone' },
  { table: 'finding_leads', key: 'id', cipher: 'id_cipher', hash: 'id_hash', field: 'idNumber' },
  { table: 'finding_leads', key: 'id', cipher: 'phone_cipher', hash: 'phone_hash', field: 'phone' },
  { table: 'user_second_factors', key: 'user_id', cipher: 'secret', hash: null, field: 'totpSecret' },
  { table: 'user_second_factors', key: 'user_id', cipher: 'pending_secret', hash: null, field: 'totpSecret' },
];

const BATCH = 2000;

export interface ReencryptCount {
  table: string;
  column: string;
  rewritten: number;
}

/**
 * Rewrites every field ciphertext not made by `crypto`'s suite, and its lookup hash, under that
 * suite: the move to (or from) the 国密 suite. Run it in one transaction (the CLI's `reencrypt`
 * does, with its audit entry): all values move or none, and a failure or a kill leaves the store
 * as it was, still readable. Values already in the suite are left alone, so a second run rewrites
 * nothing. Recovery codes are kept only as hashes and cannot be rewritten: they are checked under
 * both suites' hashes.
 */
export async function reencryptFields(
  tx: Executor,
  crypto: FieldCrypto,
  onProgress: (c: ReencryptCount) => void = () => {},
): Promise<ReencryptCount[]> {
  {
    const counts: ReencryptCount[] = [];
    for (const c of CIPHER_COLUMNS) {
      const table = sql.identifier(c.table);
      const key = sql.identifier(c.key);
      const cipher = sql.identifier(c.cipher);
      const count = { table: c.table, column: c.cipher, rewritten: 0 };
      let after = 0;
      for (;;) {
        const rows = await queryRows<{ k: number; v: string }>(
          tx,
          sql`select ${key} as k, ${cipher} as v from ${table}
              where ${key} > ${after} and ${cipher} is not null
              order by ${key} limit ${BATCH}`,
        );
        if (rows.length === 0) break;
        after = rows[rows.length - 1]!.k;
        const stale = rows.filter((r) => !crypto.isCurrent(r.v));
        if (stale.length === 0) continue;
        const plain = stale.map((r) => crypto.decrypt(c.field, r.v));
        const keys = arrayLiteral(stale.map((r) => r.k));
        const ciphers = arrayLiteral(plain.map((p) => crypto.encrypt(c.field, p)));
        const hashes = arrayLiteral(plain.map((p) => crypto.hash(c.field, p)));
        const setHash = c.hash ? sql`, ${sql.identifier(c.hash)} = v.h` : sql``;
        await tx.execute(
          sql`update ${table} t set ${cipher} = v.c${setHash}
              from (select unnest(${keys}::int[]) as k, unnest(${ciphers}::text[]) as c,
                           unnest(${hashes}::text[]) as h) v
              where t.${key} = v.k`,
        );
        count.rewritten += stale.length;
        onProgress({ ...count });
      }
      counts.push(count);
    }
    return counts;
  }
}
