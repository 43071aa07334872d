import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createSecretKey,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Which personal-data field a value belongs to; bound into both the ciphertext and the hash. */
export type SensitiveField = 'idNumber' | 'phone' | 'totpSecret' | 'recoveryCode';

/**
 * The algorithms fields are encrypted and hashed with (CRYPTO_SUITE):
 * - `standard`: AES-256-GCM, HMAC-SHA256 lookup hashes, keys by HKDF-SHA256 (ciphertexts `v1.`);
 * - `sm` (国密): SM4-CTR with HMAC-SM3 over the IV, the ciphertext and the field (encrypt, then
 *   authenticate), HMAC-SM3 lookup hashes, keys by HKDF-SM3 (ciphertexts `sm1.`).
 * Either suite decrypts both kinds, so a store moves from one to the other while it runs on the
 * new one; lookup hashes are rewritten with the ciphertexts (`npm run cli -- reencrypt`).
 */
export type CryptoSuite = 'standard' | 'sm';

/**
 * Field encryption of personal data: authenticated encryption with a random IV per value and the
 * field name bound in, so a ciphertext cannot be moved to another column; plus a keyed hash for
 * exact lookup and de-duplication. The keys are derived from one master key with HKDF.
 */
export interface FieldCrypto {
  encrypt(field: SensitiveField, plain: string): string;
  decrypt(field: SensitiveField, token: string): string;
  hash(field: SensitiveField, plain: string): string;
  /**
   * The hashes a value may be stored under: this suite's, then the other's. For values that
   * cannot be rewritten when the suite changes (a recovery code is kept only as its hash).
   */
  hashes(field: SensitiveField, plain: string): string[];
  /** A 32-byte key for another purpose (signed tokens, challenges), derived from the same master key. */
  deriveKey(purpose: string): Buffer;
  /** The suite this instance encrypts and hashes with. */
  readonly suite: CryptoSuite;
  /** Whether a ciphertext was made by this instance's suite (else `reencrypt` rewrites it). */
  isCurrent(token: string): boolean;
}

const VERSION = 'v1';
const SM_VERSION = 'sm1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const SM_IV_BYTES = 16;
const SM_MAC_BYTES = 32;

/**
 * Random IVs drawn from a block of random bytes fetched at once: one call per 5,000 IVs instead
 * of one per value (a call costs more than the encryption of an ID number). Each IV is a fresh
 * slice of a fresh block, never handed out twice; a block is never refilled in place.
 */
export function ivPool(blockBytes = 64 * 1024, ivBytes = IV_BYTES) {
  const usable = blockBytes - (blockBytes % ivBytes);
  let block = Buffer.alloc(0);
  let at = 0;
  return (): Buffer => {
    if (at + ivBytes > block.length) {
      block = randomBytes(usable);
      at = 0;
    }
    const iv = block.subarray(at, at + ivBytes);
    at += ivBytes;
    return iv;
  };
}

/** The keys and primitives of one suite, all derived from the master key. */
function suiteOf(masterKey: Buffer, suite: CryptoSuite) {
  const kdf = suite === 'sm' ? 'sm3' : 'sha256';
  const derive = (info: string, bytes = 32) =>
    createSecretKey(Buffer.from(hkdfSync(kdf, masterKey, Buffer.alloc(0), info, bytes)));
  const macKey = derive('ningxin field lookup hash');
  return {
    hash: (field: SensitiveField, plain: string) =>
      createHmac(kdf, macKey).update(`${field}:${plain}`).digest('hex'),
    derive,
  };
}

export function createFieldCrypto(masterKey: Buffer, suite: CryptoSuite = 'standard'): FieldCrypto {
  if (masterKey.length !== 32) throw new Error('The field encryption key must be 32 bytes');
  const standard = suiteOf(masterKey, 'standard');
  const sm = suiteOf(masterKey, 'sm');
  const aesKey = standard.derive('ningxin field encryption');
  const sm4Key = sm.derive('ningxin field encryption', 16);
  const sm4MacKey = sm.derive('ningxin field authentication');
  const current = suite === 'sm' ? sm : standard;
  const nextIv = suite === 'sm' ? ivPool(64 * 1024, SM_IV_BYTES) : ivPool();

  /** HMAC-SM3 over the field, the IV and the ciphertext: what an `sm1.` value carries last. */
  const smMac = (field: string, iv: Buffer, body: Buffer) =>
    createHmac('sm3', sm4MacKey).update(field).update('\0').update(iv).update(body).digest();

  const encryptStandard = (field: SensitiveField, plain: string) => {
    const iv = nextIv();
    const cipher = createCipheriv('aes-256-gcm', aesKey, iv);
    cipher.setAAD(Buffer.from(field));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
  };
  const encryptSm = (field: SensitiveField, plain: string) => {
    const iv = nextIv();
    const cipher = createCipheriv('sm4-ctr', sm4Key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${SM_VERSION}.${Buffer.concat([iv, body, smMac(field, iv, body)]).toString('base64url')}`;
  };

  return {
    suite,
    encrypt: suite === 'sm' ? encryptSm : encryptStandard,
    decrypt(field, token) {
      const [version, data] = token.split('.');
      if (!data || (version !== VERSION && version !== SM_VERSION))
        throw new Error('Unknown ciphertext version');
      const raw = Buffer.from(data, 'base64url');
      if (version === SM_VERSION) {
        if (raw.length < SM_IV_BYTES + SM_MAC_BYTES) throw new Error('Truncated ciphertext');
        const iv = raw.subarray(0, SM_IV_BYTES);
        const body = raw.subarray(SM_IV_BYTES, raw.length - SM_MAC_BYTES);
        if (!timingSafeEqual(raw.subarray(raw.length - SM_MAC_BYTES), smMac(field, iv, body)))
          throw new Error('Unsupported state or unable to authenticate data');
        const decipher = createDecipheriv('sm4-ctr', sm4Key, iv);
        return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
      }
      const decipher = createDecipheriv('aes-256-gcm', aesKey, raw.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(field));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
        'utf8',
      );
    },
    hash: current.hash,
    hashes: (field, plain) => [
      current.hash(field, plain),
      (current === sm ? standard : sm).hash(field, plain),
    ],
    isCurrent: (token) => token.startsWith(`${suite === 'sm' ? SM_VERSION : VERSION}.`),
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
