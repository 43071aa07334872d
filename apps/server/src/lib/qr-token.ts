import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed, expiring tokens for links and QR codes (a poster's link, a sign-in code, a challenge):
 * `<payload>.<mac>`, both base64url, where the payload is the purpose, the subject and the expiry
 * (Unix seconds) and the MAC is HMAC-SHA256 under a key of its own (FieldCrypto.deriveKey). The
 * token is not encrypted: put nothing secret in the subject. A token of another purpose, a changed
 * byte or a past expiry is refused, each with its own reason so the caller can say what to do.
 */

export type TokenCheck =
  | { ok: true; subject: string; expiresAt: Date }
  | { ok: false; reason: 'malformed' | 'bad_signature' | 'wrong_purpose' | 'expired' };

export interface TokenSigner {
  /** A token for `purpose` and `subject`, valid for `ttlSeconds` from `now`. */
  sign(purpose: string, subject: string, ttlSeconds: number, now?: Date): string;
  verify(token: string, purpose: string, now?: Date): TokenCheck;
}

/** What to tell a person about a refused token, in Chinese. */
export const TOKEN_REFUSALS: Record<Exclude<TokenCheck, { ok: true }>['reason'], string> = {
  malformed: '链接或二维码无效',
  bad_signature: '链接或二维码无效或已被篡改',
  wrong_purpose: '链接或二维码不适用于此处',
  expired: '链接或二维码已过期，请重新获取',
};

const MAX_TOKEN = 1000;
const B64URL = /^[A-Za-z0-9_-]+$/;

export function createTokenSigner(key: Buffer): TokenSigner {
  if (key.length < 32) throw new Error('a token key must have at least 32 bytes');
  const mac = (payload: string) => createHmac('sha256', key).update(payload).digest();
  return {
    sign(purpose, subject, ttlSeconds, now = new Date()) {
      const exp = Math.floor(now.getTime() / 1000) + Math.max(1, Math.floor(ttlSeconds));
      const payload = Buffer.from(JSON.stringify([purpose, subject, exp])).toString('base64url');
      return `${payload}.${mac(payload).toString('base64url')}`;
    },
    verify(token, purpose, now = new Date()) {
      if (typeof token !== 'string' || token.length > MAX_TOKEN) return { ok: false, reason: 'malformed' };
      const [payload, signature, extra] = token.split('.');
      if (!payload || !signature || extra !== undefined || !B64URL.test(payload) || !B64URL.test(signature))
        return { ok: false, reason: 'malformed' };
      const given = Buffer.from(signature, 'base64url');
      const expected = mac(payload);
      if (given.length !== expected.length || !timingSafeEqual(given, expected))
        return { ok: false, reason: 'bad_signature' };
      let fields: unknown;
      try {
        fields = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      } catch {
        return { ok: false, reason: 'malformed' };
      }
      if (
        !Array.isArray(fields) ||
        fields.length !== 3 ||
        typeof fields[0] !== 'string' ||
        typeof fields[1] !== 'string' ||
        !Number.isSafeInteger(fields[2])
      )
        return { ok: false, reason: 'malformed' };
      const [p, subject, exp] = fields as [string, string, number];
      if (p !== purpose) return { ok: false, reason: 'wrong_purpose' };
      if (exp * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
      return { ok: true, subject, expiresAt: new Date(exp * 1000) };
    },
  };
}
