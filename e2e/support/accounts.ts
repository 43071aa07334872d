import path from 'node:path';

/**
 * The browser every test presents, in pages and in API contexts alike: a session is bound to the
 * User-Agent that signed in, and the setup project signs in through the API for the pages.
 */
export const E2E_USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';

/** The password of every demo account (apps/server seeds them on a fresh store). */
export const DEMO_PASSWORD = 'Demo-2026';

/**
 * Demo accounts whose signed-in state the setup project saves (`member` is the demo member's own
 * account, linked to a 通州 member). `xicheng` is left out on
 * purpose: login.spec.ts locks it, so no other test may depend on signing in as it.
 */
export const SAVED_ACCOUNTS = ['admin', 'security', 'auditor', 'office', 'tongzhou', 'member'] as const;
export type SavedAccount = (typeof SAVED_ACCOUNTS)[number];

/** Per port, like the rest of a run (playwright.config.ts). */
const authDir = path.join(
  path.dirname(new URL(import.meta.url).pathname),
  '..',
  '.auth',
  process.env.E2E_PORT ?? '3210',
);

/** Where the setup project keeps the account's cookies and local storage (git-ignored). */
export function storageStateOf(account: SavedAccount): string {
  return path.join(authDir, `${account}.json`);
}
