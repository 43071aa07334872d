import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_FIELD_KEY, type TestApp } from '../../test/app';
import { createFieldCrypto } from '../lib/field-crypto';
import { queryRows } from './client';
import { reencryptFields } from './reencrypt';

let t: TestApp;
const key = Buffer.from(TEST_FIELD_KEY, 'base64');
const standard = createFieldCrypto(key);
const sm = createFieldCrypto(key, 'sm');

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

interface Row {
  id: number;
  id_cipher: string;
  id_hash: string;
  phone_cipher: string;
  phone_hash: string;
}

const membersNow = () =>
  queryRows<Row>(
    t.store.db,
    sql`select id, id_cipher, id_hash, phone_cipher, phone_hash from members order by id`,
  );

describe('reencryptFields: moving the personal data to the 国密 suite', () => {
  it('rewrites every ciphertext and lookup hash under SM4 / HMAC-SM3 in one transaction, once', async () => {
    const before = await membersNow();
    expect(before.length).toBeGreaterThan(100);
    expect(before.every((r) => r.id_cipher.startsWith('v1.') && r.phone_cipher.startsWith('v1.'))).toBe(true);
    const plain = new Map(
      before.map((r) => [
        r.id,
        [standard.decrypt('idNumber', r.id_cipher), standard.decrypt('phone', r.phone_cipher)],
      ]),
    );

    // A failure after the rewrite leaves the store exactly as it was.
    await expect(
      t.store.db.transaction(async (tx) => {
        await reencryptFields(tx, sm);
        throw new Error('stopped half-way');
      }),
    ).rejects.toThrow('stopped half-way');
    expect(await membersNow()).toEqual(before);

    const counts = await t.store.db.transaction((tx) => reencryptFields(tx, sm));
    expect(counts.filter((c) => c.table === 'members')).toEqual([
      { table: 'members', column: 'id_cipher', rewritten: before.length },
      { table: 'members', column: 'phone_cipher', rewritten: before.length },
    ]);
    const after = await membersNow();
    for (const r of after) {
      const [idNumber, phone] = plain.get(r.id)!;
      expect(r.id_cipher).toMatch(/^sm1\./);
      expect(sm.decrypt('idNumber', r.id_cipher)).toBe(idNumber);
      expect(sm.decrypt('phone', r.phone_cipher)).toBe(phone);
      // The lookups (duplicate checks, search by number) find the member under the new hashes.
      expect(r.id_hash).toBe(sm.hash('idNumber', idNumber!));
      expect(r.phone_hash).toBe(sm.hash('phone', phone!));
    }

    // Nothing left to move; and the rollups, untouched by a change of no counted column, still agree.
    const again = await t.store.db.transaction((tx) => reencryptFields(tx, sm));
    expect(again.every((c) => c.rewritten === 0)).toBe(true);
    const run = await t.services.jobs.runNow('members.rollup_check');
    expect((run as { run: { outcome: string } }).run.outcome).toBe('succeeded');
  });
});
