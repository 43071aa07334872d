import { type SignInCodeResponse, type SignInKind, signInPath } from '@ningxin/shared';
import { AppError } from './errors';
import { qrSvg } from './qr-image';
import { createTokenSigner, TOKEN_REFUSALS } from './qr-token';

/**
 * Sign-in codes (签到二维码) for anything people attend at a set time: a meeting, a training
 * session, a volunteer shift. The code shown on the secretary's screen is a signed token naming the
 * kind of event and its id; it opens `beforeMinutes` before the start and closes `afterMinutes`
 * after it (a setting). Reading a scanned code refuses, each with a code, a Chinese message and the
 * field `token`: a changed or foreign code, a code of another event, a code scanned too early and
 * one scanned after the window closed.
 */

export interface SignInWindow {
  beforeMinutes: number;
  afterMinutes: number;
}

export interface SignInCode {
  token: string;
  opensAt: Date;
  closesAt: Date;
}

const MINUTE = 60_000;

/** When sign-in opens and closes for an event starting at `startsAt`. */
export function signInWindowOf(startsAt: Date, window: SignInWindow): { opensAt: Date; closesAt: Date } {
  return {
    opensAt: new Date(startsAt.getTime() - window.beforeMinutes * MINUTE),
    closesAt: new Date(startsAt.getTime() + window.afterMinutes * MINUTE),
  };
}

const refuse = (status: number, code: string, message: string) =>
  new AppError(status, code, message, [{ path: 'token', message }]);

export interface SignInCodes {
  /** The code of event `id` of `kind`, valid until its window closes. */
  issue(kind: SignInKind, id: number, startsAt: Date, window: SignInWindow, now?: Date): SignInCode;
  /**
   * The event a scanned code names, when it is the event `id` and now is inside its window;
   * otherwise throws the refusal the person sees. The window is checked against the event's
   * start as it is now (a moved meeting moves its window), the token's own expiry bounds it too.
   */
  check(token: string, kind: SignInKind, id: number, startsAt: Date, window: SignInWindow, now?: Date): void;
}

export function createSignInCodes(key: Buffer): SignInCodes {
  const signer = createTokenSigner(key);
  const purpose = (kind: string) => `sign-in:${kind}`;
  return {
    issue(kind, id, startsAt, window, now = new Date()) {
      const { opensAt, closesAt } = signInWindowOf(startsAt, window);
      const ttl = Math.max(1, Math.ceil((closesAt.getTime() - now.getTime()) / 1000));
      return { token: signer.sign(purpose(kind), String(id), ttl, now), opensAt, closesAt };
    },
    check(token, kind, id, startsAt, window, now = new Date()) {
      const read = signer.verify(token, purpose(kind), now);
      if (!read.ok) {
        if (read.reason === 'expired') throw refuse(400, 'SIGN_IN_CLOSED', '签到已结束，二维码已过期');
        throw refuse(400, 'SIGN_IN_CODE_INVALID', TOKEN_REFUSALS[read.reason]);
      }
      if (read.subject !== String(id))
        throw refuse(400, 'SIGN_IN_OTHER_EVENT', '这个二维码属于另一场活动，请扫描本场的签到码');
      const { opensAt, closesAt } = signInWindowOf(startsAt, window);
      if (now < opensAt) throw refuse(409, 'SIGN_IN_NOT_OPEN', '签到尚未开始，请在开始前半小时内扫码');
      if (now > closesAt) throw refuse(400, 'SIGN_IN_CLOSED', '签到已结束，二维码已过期');
    },
  };
}

/** The code as the secretary's screen shows it: the QR of the sign-in page's full address. */
export async function presentSignInCode(
  code: SignInCode,
  kind: SignInKind,
  id: number,
  siteUrl: string,
): Promise<SignInCodeResponse> {
  const url = `${siteUrl}${signInPath(kind, id, code.token)}`;
  return {
    url,
    qrSvg: await qrSvg(url, { margin: 2 }),
    opensAt: code.opensAt.toISOString(),
    closesAt: code.closesAt.toISOString(),
  };
}
