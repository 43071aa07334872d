import { describe, expect, it } from 'vitest';
import { createChallenges } from './challenge';
import { createTokenSigner } from './qr-token';

const key = Buffer.alloc(32, 5);

describe('challenges', () => {
  it('issues a picture whose answer passes once, in any letter case', () => {
    const c = createChallenges(key);
    const issued = c.issue();
    expect(issued.svg).toMatch(/^<svg/);
    expect(issued.answer).toHaveLength(4);
    expect(issued.token).not.toContain(issued.answer);
    expect(c.check(issued.token, ` ${issued.answer.toUpperCase()} `)).toEqual({ ok: true });
    expect(c.check(issued.token, issued.answer)).toEqual({ ok: false, reason: 'used' });
  });

  it('uses a token up on a wrong answer too', () => {
    const c = createChallenges(key);
    const issued = c.issue();
    expect(c.check(issued.token, 'zzzzz')).toEqual({ ok: false, reason: 'wrong' });
    expect(c.check(issued.token, issued.answer)).toEqual({ ok: false, reason: 'used' });
  });

  it('refuses an expired, forged or foreign token and an empty answer', () => {
    const c = createChallenges(key);
    const now = new Date('2025-05-01T08:00:00Z');
    const issued = c.issue(now);
    expect(c.check(issued.token, issued.answer, new Date(now.getTime() + 5 * 60_000))).toEqual({
      ok: false,
      reason: 'expired',
    });
    const other = createChallenges(Buffer.alloc(32, 6)).issue();
    expect(c.check(other.token, other.answer)).toEqual({ ok: false, reason: 'invalid' });
    const poster = createTokenSigner(key).sign('poster', 'x.y', 60);
    expect(c.check(poster, 'abcd')).toEqual({ ok: false, reason: 'invalid' });
    expect(c.check(c.issue().token, '  ')).toEqual({ ok: false, reason: 'missing' });
    expect(c.check('', 'abcd')).toEqual({ ok: false, reason: 'missing' });
  });
});
