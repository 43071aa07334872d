import { z } from 'zod';
import { Text } from './common/text';

/**
 * Sign-in by QR code (扫码签到), shared by meetings, training sessions and volunteer shifts: the
 * secretary's screen shows the code of one event; a member's phone opens its link
 * (`/sign-in/<kind>/<id>?t=<token>`), logs in if needed and posts the token to the event's
 * sign-in route.
 */

/** The kinds of event a sign-in code names, and the page path its QR opens. */
export const SIGN_IN_KINDS = ['meeting', 'session'] as const;
export type SignInKind = (typeof SIGN_IN_KINDS)[number];

export const signInPath = (kind: SignInKind, id: number, token: string) =>
  `/sign-in/${kind}/${id}?t=${encodeURIComponent(token)}`;

/** The code the secretary shows: the QR (SVG), the link it opens and when sign-in opens and closes. */
export const SignInCodeResponse = z.object({
  url: z.string(),
  qrSvg: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
});
export type SignInCodeResponse = z.infer<typeof SignInCodeResponse>;

export const SignInBody = z.object({
  token: Text('签到码', { min: 1, max: 1000 }),
});
export type SignInBody = z.infer<typeof SignInBody>;

/**
 * What the member's phone shows after a scan: signed in now (or late), or signed in already
 * (a second scan), as an attendee or a guest (列席), with the event's title and time.
 */
export const SignInResult = z.object({
  outcome: z.enum(['signed', 'late', 'already']),
  role: z.enum(['expected', 'guest']),
  title: z.string(),
  signedAt: z.string(),
});
export type SignInResult = z.infer<typeof SignInResult>;
