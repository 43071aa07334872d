import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createSecretKey,
  hkdfSync,
  randomBytes,
} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Which personal-data field a value belongs to; bound into both the ciphertext and the hash. */
export type SensitiveField = 'idNumber' | 'phone' | 'totpSecret' | 'recoveryCode';

/**
 * Field encryption of personal data: AES-256-GCM (authenticated) with a random IV per value
 * and the field name as associated data, so a ciphertext cannot be moved to another column;
 * plus an HMAC-SHA256 keyed hash for exact lookup and de-duplication. Both keys are derived
 * from one master key with HKDF.
 */
export interface FieldCrypto {
  encrypt(field: SensitiveField, plain: string): string;
  decrypt(field: SensitiveField, token: string): string;
  hash(field: SensitiveField, plain: string): string;
  /** A 32-byte key for another purpose (signed tokens, challenges), derived from the same master key. */
  deriveKey(purpose: string): Buffer;
}

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Random IVs drawn from a block of random bytes fetched at once: one call per 5,000 IVs instead
 * of one per value (a call costs more than the encryption of an ID number). Each IV is a fresh
 * slice of a fresh block, never handed out twice; a block is never refilled in place.
 */
export function ivPool(blockBytes = 64 * 1024) {
  const usable = blockBytes - (blockBytes % IV_BYTES);
  let block = Buffer.alloc(0);
  let at = 0;
  return (): Buffer => {
    if (at + IV_BYTES > block.length) {
      block = randomBytes(usable);
      at = 0;
    }
    const iv = block.subarray(at, at + IV_BYTES);
    at += IV_BYTES;
    return iv;
  };
}

export function createFieldCrypto(masterKey: Buffer): FieldCrypto {
  if (masterKey.length !== 32) throw new Error('The field encryption key must be 32 bytes');
  const derive = (info: string) =>
    createSecretKey(Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), info, 32)));
  const encKey = derive('ningxin field encryption');
  const macKey = derive('ningxin field lookup hash');
  const aad: Record<SensitiveField, Buffer> = {
    idNumber: Buffer.from('idNumber'),
    phone: Buffer.from('phone'),
    totpSecret: Buffer.from('totpSecret'),
    recoveryCode: Buffer.from('recoveryCode'),
  };
  const nextIv = ivPool();
  return {
    encrypt(field, plain) {
      const iv = nextIv();
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      cipher.setAAD(aad[field] ?? Buffer.from(field));
      const body = cipher.update(plain, 'utf8');
      const last = cipher.final();
      const out = Buffer.concat([iv, cipher.getAuthTag(), body, last]);
      return `${VERSION}.${out.toString('base64url')}`;
    },
    decrypt(field, token) {
      const [version, data] = token.split('.');
      if (version !== VERSION || !data) throw new Error('Unknown ciphertext version');
      const raw = Buffer.from(data, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(field));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
        'utf8',
      );
    },
    hash(field, plain) {
      return createHmac('sha256', macKey).update(`${field}:${plain}`).digest('hex');
    },
    deriveKey(purpose) {
      return Buffer.from(
        hkdfSync('sha256', masterKey, Buffer.alloc(0), `ningxin derived key: ${purpose}`, 32),
      );
    },
  };
}

export const KEY_FILE = 'field-encryption.key';

/**
 * The master key: from FIELD_ENCRYPTION_KEY (base64, 32 bytes) when set, else from the key
 * file in DATA_DIR, generated there on first start. `onGenerated` is told so it can warn the
 * operator to back the file up: without it the encrypted fields cannot be read.
 */
export function loadMasterKey(
  opts: { envKey: string | undefined; dataDir: string },
  onGenerated: (file: string) => void,
): Buffer {
  if (opts.envKey) return decodeKey(opts.envKey, 'FIELD_ENCRYPTION_KEY');
  const file = path.join(opts.dataDir, KEY_FILE);
  if (fs.existsSync(file)) return decodeKey(fs.readFileSync(file, 'utf8').trim(), file);
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const key = randomBytes(32);
  fs.writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  onGenerated(file);
  return key;
}

function decodeKey(value: string, source: string): Buffer {
  const key = Buffer.from(value, 'base64');
  if (key.length !== 32) throw new Error(`${source} must hold a base64-encoded 32-byte key`);
  return key;
}
