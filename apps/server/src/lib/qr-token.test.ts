import { describe, expect, it } from 'vitest';
import { createTokenSigner } from './qr-token';

const signer = createTokenSigner(Buffer.alloc(32, 3));
const now = new Date('2025-05-01T08:00:00Z');
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);

describe('signed tokens', () => {
  it('verifies its own token for the purpose, with the subject, until it expires', () => {
    const token = signer.sign('poster', 'org:12', 60, now);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(signer.verify(token, 'poster', later(59))).toEqual({
      ok: true,
      subject: 'org:12',
      expiresAt: later(60),
    });
    expect(signer.verify(token, 'poster', later(60))).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses another purpose, a changed byte, another key and garbage, each for its reason', () => {
    const token = signer.sign('poster', 'org:12', 60, now);
    expect(signer.verify(token, 'challenge', now)).toEqual({ ok: false, reason: 'wrong_purpose' });
    const [payload, mac] = token.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify(['poster', 'org:13', 9_999_999_999])).toString('base64url');
    expect(signer.verify(`${forged}.${mac}`, 'poster', now)).toEqual({ ok: false, reason: 'bad_signature' });
    const flipped = `${payload}.${mac[0] === 'A' ? 'B' : 'A'}${mac.slice(1)}`;
    expect(signer.verify(flipped, 'poster', now)).toEqual({ ok: false, reason: 'bad_signature' });
    const other = createTokenSigner(Buffer.alloc(32, 4));
    expect(other.verify(token, 'poster', now)).toEqual({ ok: false, reason: 'bad_signature' });
    for (const bad of ['', 'abc', 'a.b.c', `${payload}.`, '..', `${'x'.repeat(2000)}.y`, 'a b.c'])
      expect(signer.verify(bad, 'poster', now)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses a short key', () => {
    expect(() => createTokenSigner(Buffer.alloc(16))).toThrow();
  });
});
