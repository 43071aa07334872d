import path from 'node:path';

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
