import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Which personal-data field a value belongs to; bound into both the ciphertext and the hash. */
export type SensitiveField = 'idNumber' | 'phone';

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
}

const VERSION = 'v1';

export function createFieldCrypto(masterKey: Buffer): FieldCrypto {
  if (masterKey.length !== 32) throw new Error('The field encryption key must be 32 bytes');
  const encKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'ningxin field encryption', 32));
  const macKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'ningxin field lookup hash', 32));
  return {
    encrypt(field, plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      cipher.setAAD(Buffer.from(field));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
    },
    decrypt(field, token) {
      const [version, data] = token.split('.');
      if (version !== VERSION || !data) throw new Error('Unknown ciphertext version');
      const raw = Buffer.from(data, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      decipher.setAAD(Buffer.from(field));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    hash(field, plain) {
      return createHmac('sha256', macKey).update(`${field}:${plain}`).digest('hex');
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
