import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { createSignInCodes, presentSignInCode } from './sign-in-codes';

const codes = createSignInCodes(Buffer.alloc(32, 7));
const window = { beforeMinutes: 30, afterMinutes: 120 };
const start = new Date('2026-03-05T07:00:00Z');
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);

const refusal = (fn: () => void) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError)
      return { status: error.status, code: error.code, field: error.fields?.[0]?.path };
    throw error;
  }
  return null;
};

describe('sign-in codes', () => {
  it('opens 30 minutes before the start and closes 2 hours after it', () => {
    const code = codes.issue('meeting', 12, start, window, at(-60));
    expect(code.opensAt).toEqual(at(-30));
    expect(code.closesAt).toEqual(at(120));
    for (const minute of [-30, 0, 119])
      expect(refusal(() => codes.check(code.token, 'meeting', 12, start, window, at(minute)))).toBeNull();
    expect(refusal(() => codes.check(code.token, 'meeting', 12, start, window, at(-31)))).toEqual({
      status: 409,
      code: 'SIGN_IN_NOT_OPEN',
      field: 'token',
    });
    expect(refusal(() => codes.check(code.token, 'meeting', 12, start, window, at(121)))?.code).toBe(
      'SIGN_IN_CLOSED',
    );
  });

  it("refuses another event's code, another kind's code and a changed code", () => {
    const code = codes.issue('meeting', 12, start, window, at(0));
    expect(refusal(() => codes.check(code.token, 'meeting', 13, start, window, at(1)))?.code).toBe(
      'SIGN_IN_OTHER_EVENT',
    );
    expect(refusal(() => codes.check(code.token, 'session', 12, start, window, at(1)))?.code).toBe(
      'SIGN_IN_CODE_INVALID',
    );
    const changed = `${code.token.slice(0, -2)}${code.token.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(refusal(() => codes.check(changed, 'meeting', 12, start, window, at(1)))?.code).toBe(
      'SIGN_IN_CODE_INVALID',
    );
    expect(refusal(() => codes.check('', 'meeting', 12, start, window, at(1)))?.code).toBe(
      'SIGN_IN_CODE_INVALID',
    );
  });

  it('follows a moved start: a code of the old time is refused outside the new window', () => {
    const code = codes.issue('meeting', 12, start, window, at(0));
    const moved = at(24 * 60);
    expect(refusal(() => codes.check(code.token, 'meeting', 12, moved, window, at(10)))?.code).toBe(
      'SIGN_IN_NOT_OPEN',
    );
  });

  it('presents the code as a QR of the sign-in page on this site', async () => {
    const code = codes.issue('meeting', 12, start, window, at(0));
    const shown = await presentSignInCode(code, 'meeting', 12, 'https://nx.example');
    expect(shown.url).toBe(`https://nx.example/sign-in/meeting/12?t=${encodeURIComponent(code.token)}`);
    expect(shown.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(shown.opensAt).toBe(at(-30).toISOString());
  });
});
