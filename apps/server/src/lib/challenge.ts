import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import svgCaptcha from 'svg-captcha';
import { AppError } from './errors';
import { createTokenSigner } from './qr-token';

/**
 * The challenge of the public forms (图形验证码): a picture of four characters and a signed,
 * expiring token that holds a random id and a keyed hash of the answer, never the answer. The
 * server keeps nothing while a challenge is open (any instance can check it).
 *
 * One answer, one use: a checked token (right or wrong) is remembered by its id until it expires,
 * so a solved challenge cannot be replayed and one picture cannot be guessed at again and again.
 * That memory is per instance: behind several instances a token could be tried once on each, for
 * its few minutes — with the rate limits of the public routes this is accepted, and it keeps the
 * challenge free of a table written on every page view.
 */

export type ChallengeRefusal = 'missing' | 'invalid' | 'expired' | 'used' | 'wrong';
export type ChallengeCheck = { ok: true } | { ok: false; reason: ChallengeRefusal };

export interface IssuedChallenge {
  token: string;
  svg: string;
  expiresAt: Date;
  /** The answer: for the server's own tests and the test-only header, never a response body. */
  answer: string;
}

export interface Challenges {
  issue(now?: Date): IssuedChallenge;
  /** Checks the answer and uses the token up, whatever the outcome. */
  check(token: string, answer: string, now?: Date): ChallengeCheck;
}

const PURPOSE = 'challenge';
/** How long a picture may be answered. */
export const CHALLENGE_TTL_SECONDS = 5 * 60;
/** Used ids remembered at most (each ~100 bytes); older ones go first once expired. */
const MAX_REMEMBERED = 200_000;

const MESSAGES: Record<ChallengeRefusal, string> = {
  missing: '请输入图中的验证码',
  invalid: '验证码无效，请刷新后重新输入',
  expired: '验证码已过期，请刷新后重新输入',
  used: '验证码已使用，请刷新后重新输入',
  wrong: '验证码不正确，请刷新后重新输入',
};

/** The 400 a form shows on its challenge field. */
export const challengeRefused = (reason: ChallengeRefusal) =>
  new AppError(400, 'CHALLENGE_FAILED', MESSAGES[reason], [
    { path: 'challengeAnswer', message: MESSAGES[reason] },
  ]);

const normal = (answer: string) => answer.normalize('NFKC').trim().toLowerCase();

export function createChallenges(key: Buffer): Challenges {
  const signer = createTokenSigner(key);
  const answerMac = (id: string, answer: string) =>
    createHmac('sha256', key)
      .update(`challenge answer:${id}:${normal(answer)}`)
      .digest();
  /** id → expiry (ms), in insertion order, which is expiry order. */
  const used = new Map<string, number>();

  function remember(id: string, expiresMs: number, nowMs: number) {
    for (const [old, exp] of used) {
      if (exp > nowMs && used.size < MAX_REMEMBERED) break;
      used.delete(old);
    }
    used.set(id, expiresMs);
  }

  return {
    issue(now = new Date()) {
      const picture = svgCaptcha.create({
        size: 4,
        noise: 2,
        color: true,
        width: 120,
        height: 44,
        fontSize: 48,
        // Characters people confuse with others.
        ignoreChars: '0oO1iIlLqg9',
      });
      const id = randomBytes(12).toString('base64url');
      const subject = `${id}.${answerMac(id, picture.text).toString('base64url')}`;
      const token = signer.sign(PURPOSE, subject, CHALLENGE_TTL_SECONDS, now);
      const expiresAt = new Date(Math.floor(now.getTime() / 1000) * 1000 + CHALLENGE_TTL_SECONDS * 1000);
      return { token, svg: picture.data, expiresAt, answer: picture.text };
    },

    check(token, answer, now = new Date()) {
      if (!token || !answer?.trim()) return { ok: false, reason: 'missing' };
      const verified = signer.verify(token, PURPOSE, now);
      if (!verified.ok) return { ok: false, reason: verified.reason === 'expired' ? 'expired' : 'invalid' };
      const [id, mac] = verified.subject.split('.');
      if (!id || !mac) return { ok: false, reason: 'invalid' };
      if (used.has(id)) return { ok: false, reason: 'used' };
      remember(id, verified.expiresAt.getTime(), now.getTime());
      const expected = answerMac(id, answer);
      const given = Buffer.from(mac, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected))
        return { ok: false, reason: 'wrong' };
      return { ok: true };
    },
  };
}
