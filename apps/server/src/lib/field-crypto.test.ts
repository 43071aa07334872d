import { createCipheriv, createSecretKey, hkdfSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createFieldCrypto, ivPool } from './field-crypto';

const master = Buffer.alloc(32, 7);

describe('ivPool', () => {
  it('never hands out the same IV twice, across refills of its block', () => {
    const next = ivPool(120); // 10 IVs a block: 2,000 IVs take 200 blocks
    const seen = new Set<string>();
    const held: Buffer[] = [];
    for (let i = 0; i < 2000; i++) {
      const iv = next();
      expect(iv).toHaveLength(12);
      seen.add(iv.toString('hex'));
      held.push(iv);
    }
    expect(seen.size).toBe(2000);
    // An IV handed out earlier is not overwritten by a later refill.
    expect(new Set(held.map((iv) => iv.toString('hex'))).size).toBe(2000);
  });
});

describe('createFieldCrypto', () => {
  const crypto = createFieldCrypto(master);

  it('encrypts with a fresh IV each time and decrypts back, bound to the field', () => {
    const a = crypto.encrypt('idNumber', '13073219900101123X');
    const b = crypto.encrypt('idNumber', '13073219900101123X');
    expect(a).not.toBe(b);
    expect(crypto.decrypt('idNumber', a)).toBe('13073219900101123X');
    expect(() => crypto.decrypt('phone', a)).toThrow();
    const ivs = new Set(
      Array.from({ length: 6000 }, () =>
        Buffer.from(crypto.encrypt('phone', '13800138000').slice(3), 'base64url'),
      ),
    );
    expect(new Set([...ivs].map((raw) => raw.subarray(0, 12).toString('hex'))).size).toBe(6000);
  });

  it('reads values written before the IV pool (same key, same layout)', () => {
    const key = createSecretKey(
      Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'ningxin field encryption', 32)),
    );
    const iv = Buffer.alloc(12, 1);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from('phone'));
    const body = Buffer.concat([cipher.update('13800138000', 'utf8'), cipher.final()]);
    const token = `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
    expect(crypto.decrypt('phone', token)).toBe('13800138000');
  });

  it('hashes the same value the same way, per field', () => {
    expect(crypto.hash('idNumber', 'x')).toBe(createFieldCrypto(master).hash('idNumber', 'x'));
    expect(crypto.hash('idNumber', 'x')).not.toBe(crypto.hash('phone', 'x'));
    expect(crypto.hash('idNumber', 'x')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('createFieldCrypto, 国密 suite (SM4-CTR + HMAC-SM3)', () => {
  const sm = createFieldCrypto(master, 'sm');
  const standard = createFieldCrypto(master);

  it('encrypts with SM4-CTR under a fresh IV, authenticated and bound to the field', () => {
    const a = sm.encrypt('idNumber', '13073219900101123X');
    expect(a).toMatch(/^sm1\./);
    expect(a).not.toBe(sm.encrypt('idNumber', '13073219900101123X'));
    expect(sm.decrypt('idNumber', a)).toBe('13073219900101123X');
    expect(() => sm.decrypt('phone', a)).toThrow();
    // A flipped bit anywhere (IV, body, MAC) fails authentication.
    const raw = Buffer.from(a.slice(4), 'base64url');
    for (const at of [0, 17, raw.length - 1]) {
      const bad = Buffer.from(raw);
      bad[at]! ^= 1;
      expect(() => sm.decrypt('idNumber', `sm1.${bad.toString('base64url')}`)).toThrow();
    }
    expect(() => sm.decrypt('idNumber', 'sm1.AAAA')).toThrow();
  });

  it('reads the other suite’s values both ways, and tells which ones are its own', () => {
    const old = standard.encrypt('phone', '13800138000');
    const fresh = sm.encrypt('phone', '13800138000');
    expect(sm.decrypt('phone', old)).toBe('13800138000');
    expect(standard.decrypt('phone', fresh)).toBe('13800138000');
    expect([sm.isCurrent(old), sm.isCurrent(fresh)]).toEqual([false, true]);
    expect([standard.isCurrent(old), standard.isCurrent(fresh)]).toEqual([true, false]);
  });

  it('hashes with HMAC-SM3, and lists both suites’ hashes for values kept only as a hash', () => {
    expect(sm.hash('idNumber', 'x')).toMatch(/^[0-9a-f]{64}$/);
    expect(sm.hash('idNumber', 'x')).not.toBe(standard.hash('idNumber', 'x'));
    expect(sm.hashes('recoveryCode', 'x')).toEqual([
      sm.hash('recoveryCode', 'x'),
      standard.hash('recoveryCode', 'x'),
    ]);
    expect(standard.hashes('recoveryCode', 'x')).toEqual([
      standard.hash('recoveryCode', 'x'),
      sm.hash('recoveryCode', 'x'),
    ]);
    // Signed tokens and challenges keep their keys whatever the suite.
    expect(sm.deriveKey('qr')).toEqual(standard.deriveKey('qr'));
  });
});
